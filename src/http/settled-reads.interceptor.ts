import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { concatMap, from, switchMap, type Observable } from 'rxjs';
import type { Ledger } from '../ledger';
import { LEDGER } from '../ledger.token';

/**
 * Group commit shares one SQLite connection and one open transaction between the command
 * requests of one turn of the event loop (SqliteEventStore.append). Every other request
 * waits until nothing is left uncommitted before it runs, so a page or a query never shows
 * events that could still roll back, and again before it answers, so whatever it wrote
 * itself (a token) is on disk first. `POST /commands` needs neither: its own append settles
 * when its transaction is committed.
 */
@Injectable()
export class SettledReadsInterceptor implements NestInterceptor {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    if (request.method === 'POST' && request.path === '/commands') return next.handle();
    return from(this.ledger.settled()).pipe(
      switchMap(() => next.handle()),
      concatMap(async (value: unknown) => {
        await this.ledger.settled();
        return value;
      }),
    );
  }
}
