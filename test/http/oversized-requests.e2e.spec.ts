import { connect } from 'node:net';
import { startTestApp, type TestApp } from '../support/test-app';

/** Sends raw bytes and reads the whole answer until the server closes; rejects on a reset. */
function rawRequest(port: number, request: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('end', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n', 2);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head, body });
    });
    socket.write(request);
  });
}

/**
 * Issue 16: a long slug in a URL got a bare 431 with an empty body, and a reset connection.
 * Whatever Node's HTTP parser refuses is answered with problem details, and the client reads it.
 */
describe('requests too large for the HTTP parser', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp({ LEDGER_RATE_LIMIT: '0' });
    await new Promise<void>((resolve) => t.server.listen(0, '127.0.0.1', resolve));
    port = (t.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers a slug of 40 000 characters in the URL with 414 problem details (over fetch: no reset)', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/groups/${'a'.repeat(40_000)}/roster`);
    expect(response.status).toBe(414);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 414, type: 'urn:decision-ledger:problem:uri-too-long', errors: [{ field: 'url', message: 'is too long' }] });
  });

  it('answers headers beyond 16 KiB with 431 problem details', async () => {
    const response = await rawRequest(port, `GET /health HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 40 }, (_, i) => `X-Filler-${i}: ${'b'.repeat(600)}\r\n`).join('')}\r\n`);
    expect(response.status).toBe(431);
    expect(response.headers).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(response.body)).toMatchObject({ status: 431, type: 'urn:decision-ledger:problem:headers-too-large', errors: [{ field: 'headers' }] });
  });

  it('answers a POST /commands with a long URL and a body still being sent, without a reset', async () => {
    const body = JSON.stringify({ type: 'RegisterParty', data: { name: 'x'.repeat(50_000), kind: 'municipality' } });
    const response = await rawRequest(port, `POST /commands?${'q'.repeat(30_000)} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    expect(response.status).toBe(414);
    expect(JSON.parse(response.body)).toMatchObject({ status: 414 });
    expect(await t.ledger.store.headPosition()).toBe(0);
  });

  it('answers a request line that is not HTTP with 400 problem details', async () => {
    const response = await rawRequest(port, 'NOT A REQUEST\r\n\r\n');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ status: 400, type: 'urn:decision-ledger:problem:malformed-request' });
  });

  it('still answers a long slug that fits with 404 problem details', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/groups/${'a'.repeat(10_000)}/roster`);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect({ status: response.status, body: await response.json() }).toMatchObject({ status: 404, body: { status: 404 } });
  });
});
