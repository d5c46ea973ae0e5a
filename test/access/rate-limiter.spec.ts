import { RateLimiter } from '../../src/http/rate-limiter';

describe('RateLimiter (token bucket per key)', () => {
  it('allows a burst of perMinute, then asks to wait, and refills with time', () => {
    let now = 0;
    const limiter = new RateLimiter(60, () => now);
    for (let i = 0; i < 60; i++) expect(limiter.take('a')).toBe(0);
    const wait = limiter.take('a');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(1);
    expect(limiter.take('b')).toBe(0); // another key has its own bucket
    now += 1000; // one request a second comes back
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
  });
});
