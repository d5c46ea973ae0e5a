import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ConcurrencyConflict, LedgerError, RuleViolation } from '../domain/ledger-errors';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem-details';
import { isWebPage } from './security-headers';
import { problemPage } from '../web/problem.page';

/** The one place that decides how an error looks on the wire: RFC 9457 problem details. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = toProblem(error, request.originalUrl);
    if (problem.status >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    const headers = (error as { headers?: unknown } | null)?.headers;
    if (error instanceof LedgerError && headers && typeof headers === 'object') response.set(headers as Record<string, string>);
    // A person on a web page gets the same problem as a Swedish page (the same status, fields named).
    if (isWebPage(request.path) && request.accepts(['application/problem+json', 'application/json', 'text/html']) === 'text/html') {
      response.status(problem.status).type('text/html; charset=utf-8').send(problemPage(request.path, request.query as Record<string, unknown>, problem));
      return;
    }
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}

export function toProblem(error: unknown, instance?: string): ProblemDetails {
  if (error instanceof LedgerError) {
    return {
      type: problemType(error.kind),
      title: error.title,
      status: error.status,
      detail: error.message,
      instance,
      ...(error.problems.length > 0 && { errors: error.problems }),
      ...(error instanceof RuleViolation && { rule: error.rule }),
      ...(error instanceof ConcurrencyConflict && { stream: error.stream, expectedVersion: error.expectedVersion, actualVersion: error.actualVersion }),
    };
  }
  const bodyParser = bodyParserProblem(error);
  if (bodyParser) return { ...bodyParser, instance };
  if (error instanceof HttpException) {
    const status = error.getStatus();
    // Our own validation raises LedgerErrors; a bare 400/413 here comes from reading the body.
    const body = status === 400 || status === 413 ? { errors: [{ field: 'body', message: status === 413 ? 'too large' : 'is not valid JSON' }] } : {};
    return { type: problemType(`http-${status}`), title: error.message, status, detail: detailOf(error.getResponse()), instance, ...body };
  }
  return { type: problemType('internal-error'), title: 'Internal error', status: 500, detail: 'The ledger could not complete the request; nothing was changed by it.', instance };
}

/** Errors raised by the JSON body parser before any handler runs. */
export function bodyParserProblem(error: unknown): ProblemDetails | null {
  const e = error as { type?: string; status?: number; limit?: number; message?: string } | null;
  if (isDecompressionError(error)) {
    // Content-Encoding gzip, deflate or br on a body that is not: zlib's stream error, which has no HTTP status of its own.
    return { type: problemType('invalid-compressed-body'), title: 'The request is malformed', status: 400, detail: `The body is not valid data of its Content-Encoding: ${e?.message ?? ''}`.trim(), errors: [{ field: 'body', message: 'is not valid data of its Content-Encoding' }] };
  }
  if (!e || typeof e !== 'object' || typeof e.type !== 'string') return null;
  if (e.type === 'entity.too.large') {
    return { type: problemType('body-too-large'), title: 'The request body is too large', status: 413, detail: `The body is larger than the limit of ${e.limit} bytes`, errors: [{ field: 'body', message: 'too large' }] };
  }
  if (e.type === 'entity.parse.failed') {
    return { type: problemType('invalid-json'), title: 'The request is malformed', status: 400, detail: `The body is not valid JSON: ${e.message ?? ''}`.trim(), errors: [{ field: 'body', message: 'is not valid JSON' }] };
  }
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    return { type: problemType('bad-request'), title: 'The request is malformed', status: e.status, detail: e.message ?? 'bad request', errors: [{ field: 'body', message: e.message ?? 'bad request' }] };
  }
  return null;
}

/** An error of Node's zlib (gzip, deflate) or brotli decoder: a negative errno and a Z_ or ERR_ code. */
function isDecompressionError(error: unknown): boolean {
  const e = error as { errno?: unknown; code?: unknown } | null;
  return !!e && typeof e === 'object' && typeof e.errno === 'number' && e.errno < 0 && typeof e.code === 'string' && /^(Z_|ERR_)/.test(e.code);
}

function detailOf(response: string | object): string {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? '');
}
