import autocannon from 'autocannon';
import { percentile } from './stats';

export interface LoadRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
}

export interface LoadOptions {
  /** `Bearer <token>` for writes; the server refuses writes without one. */
  readonly authorization?: string;
  readonly url: string;
  readonly connections: number;
  /** A duration in seconds, or a number of requests. */
  readonly seconds: number;
  readonly amount: number | null;
  /** The next request to send; called once per request. */
  readonly next: () => LoadRequest;
}

export interface LoadResult {
  readonly responses: number;
  readonly perSecond: number;
  /** Milliseconds, with sub-millisecond precision (autocannon's own histogram rounds to whole ms). */
  readonly p50: number;
  readonly p99: number;
}

/**
 * One autocannon run. Latencies are taken from each response's timing rather than from
 * autocannon's histogram, which keeps whole milliseconds. Any answer other than 2xx fails
 * the run with the first such body: a figure over failed requests would mean nothing.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let failure: string | null = null;
  const start = process.hrtime.bigint();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        pipelining: 1,
        ...(options.amount !== null ? { amount: options.amount } : { duration: options.seconds }),
        requests: [
          {
            setupRequest: (request) => {
              const next = options.next();
              return {
                ...request,
                method: next.method,
                path: next.path,
                ...(next.body !== undefined && { body: next.body, headers: { 'content-type': 'application/json', ...(options.authorization && { authorization: options.authorization }) } }),
              };
            },
            onResponse: (status, body) => {
              if ((status < 200 || status > 299) && failure === null) failure = `${status} ${body.slice(0, 500)}`;
            },
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
    });
  });
  if (failure !== null) throw new Error(`HTTP load run got an error answer: ${failure}`);
  if (result.errors > 0) throw new Error(`HTTP load run had ${result.errors} connection errors or timeouts`);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { responses: latencies.length, perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}
