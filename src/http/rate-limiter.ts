import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { TooManyRequests } from '../domain/ledger-errors';
import { toProblem } from './problem-details.filter';
import { PROBLEM_CONTENT_TYPE } from './problem-details';

/**
 * Token buckets per client address and, separately, per bearer token: a burst of
 * `perMinute` is allowed, refilled at `perMinute` a minute. Runs before the body is read,
 * so a flood costs little. In memory: one process's view (each process of a cluster limits
 * on its own).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private lastSweep = 0;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Takes one request from the bucket; the seconds to wait when it is empty, else 0. */
  take(key: string): number {
    const now = this.now();
    this.sweep(now);
    const ratePerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * ratePerMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return (1 - bucket.tokens) / ratePerMs / 1000;
  }

  /** Forgets buckets that are full again, so memory stays bounded by the recent clients. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) if (now - bucket.at > 60_000) this.buckets.delete(key);
  }

  middleware() {
    return (request: Request, response: Response, next: NextFunction): void => {
      const address = request.socket.remoteAddress ?? 'unknown';
      const authorization = request.headers.authorization;
      const keys = [`address:${address}`];
      // The token's hash, not the secret, keys its bucket; an invalid token is refused later by the guard.
      if (authorization) keys.push(`token:${createHash('sha256').update(authorization).digest('hex')}`);
      const wait = Math.max(...keys.map((k) => this.take(k)));
      if (wait === 0) return next();
      const error = new TooManyRequests(`More than ${this.perMinute} requests a minute; try again in ${Math.ceil(wait)} s`, wait);
      response.status(429).set(error.headers).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(toProblem(error, request.originalUrl)));
    };
  }
}
