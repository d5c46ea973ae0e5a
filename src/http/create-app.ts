import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { AppModule } from '../app.module';
import type { LedgerConfig } from '../config/ledger-config';
import type { OpenOptions } from '../ledger';
import { answerClientErrorsAsProblems } from './client-errors';
import { bodyParserProblem } from './problem-details.filter';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { commandSchemas } from './command-schemas';
import { RateLimiter } from './rate-limiter';
import { securityHeaders } from './security-headers';
import { isProtocolIntake } from './intake.controller';

/** application/json and application/*+json, with or without parameters. */
const JSON_TYPE = /^application\/(?:[\w.!#$&^-]+\+)?json\s*(?:;|$)/i;

/** Builds the HTTP app; main.ts and the e2e tests both use it, so tests run the real thing. */
export async function createApp(config: LedgerConfig, options: OpenOptions & { logger?: false } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    bodyParser: false,
    ...(options.logger === false && { logger: false }),
  });
  // Before the body is read: headers on every answer, then the rate limit.
  app.use(securityHeaders);
  if (config.rateLimitPerMinute > 0) app.use(new RateLimiter(config.rateLimitPerMinute).middleware());
  // CORS is closed unless origins are configured (LEDGER_CORS_ORIGINS).
  if (config.corsOrigins.length > 0) app.enableCors({ origin: [...config.corsOrigins], methods: ['GET', 'POST'], allowedHeaders: ['Content-Type', 'Authorization', 'Accept'], maxAge: 600 });
  // The protocol intake reads its own body (text, JSON or multipart, up to 5 MB): see protocol-upload.ts.
  app.useBodyParser('json', { limit: config.bodyLimit, type: (request) => !isProtocolIntake(request) && JSON_TYPE.test(String(request.headers['content-type'] ?? '')) });
  app.disable('x-powered-by');
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Decision ledger')
      .setDescription('Event-sourced decision ledger for joint public-sector governing bodies. Write with POST /commands; read rosters in valid time (at) and transaction time (knownAt).')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  document.components = { ...document.components, schemas: { ...document.components?.schemas, LedgerCommand: commandSchemas().envelope as object } };
  SwaggerModule.setup('api-docs', app, document);

  await app.init();
  // Requests the HTTP parser refuses (URL or headers too long) never reach the filters: answer them as problem details too.
  answerClientErrorsAsProblems(app.getHttpServer());
  // Body-parser errors happen before routing; answer them as problem details too.
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    const problem = bodyParserProblem(error);
    if (!problem) return next(error);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify({ ...problem, instance: request.originalUrl }));
  });
  return app;
}
