import type { EventEmitter } from 'node:events';
import type { StoredEvent } from '../../events/event-envelope';
import type { SubscribeOptions, Subscription } from '../event-store.port';

interface PollingOptions extends SubscribeOptions {
  readonly readPage: (after: number) => StoredEvent[] | Promise<StoredEvent[]>;
  /** Emits 'appended' when this process appends (or PostgreSQL NOTIFYs), so live delivery needs no wait. */
  readonly wakeUp: EventEmitter;
  /** Other processes may append to the same file; they are seen on the next poll. */
  readonly pollIntervalMs: number;
}

/** Catch-up then live: reads pages after the last delivered position until closed. */
export function pollingSubscription(options: PollingOptions): Subscription {
  let position = options.after;
  let closed = false;
  let wake: (() => void) | null = null;
  const onAppended = () => wake?.();
  options.wakeUp.on('appended', onAppended);
  options.wakeUp.on('closing', onAppended);

  const idle = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, options.pollIntervalMs);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  const loop = (async () => {
    while (!closed) {
      let page: StoredEvent[];
      try {
        page = await options.readPage(position);
      } catch (error) {
        options.onError?.(error);
        await idle();
        continue;
      }
      for (const event of page) {
        if (closed) return;
        try {
          await options.onEvent(event);
        } catch (error) {
          // A handler that fails stops the subscription: skipping an event would corrupt what it builds.
          closed = true;
          options.onError?.(error);
          return;
        }
        position = event.position;
      }
      if (page.length === 0) await idle();
    }
  })();

  return {
    async close() {
      closed = true;
      options.wakeUp.off('appended', onAppended);
      wake?.();
      await loop;
      options.wakeUp.off('closing', onAppended);
    },
  };
}
