import { maxHeaderSize, STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem-details';

/** How long an answered bad request's socket is kept reading what the client still sends, so its close is no reset. */
const LINGER_MS = 2_000;

/**
 * Requests Node's HTTP parser refuses before any route or middleware sees them: a URL or
 * headers beyond `maxHeaderSize` (16 KiB), a malformed request line. By default Node writes
 * a bare `431` with no body and destroys the socket, and a client still sending gets a
 * connection reset instead of an answer (issue 16). Here they get problem details like
 * every other refusal: 414 when the request line alone is too long (a long slug in the
 * URL), 431 when the headers are, 400 for the rest.
 */
export function answerClientErrorsAsProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const problem = problemFor(error, (server as { maxHeaderSize?: number }).maxHeaderSize ?? maxHeaderSize);
    const body = JSON.stringify(problem);
    socket.on('error', () => socket.destroy());
    // Keep reading (and dropping) the rest of the request, so closing does not reset the connection under the answer.
    socket.on('data', () => undefined);
    socket.end(
      [
        `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}`,
        `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
        `Content-Length: ${Buffer.byteLength(body)}`,
        'X-Content-Type-Options: nosniff',
        'Cache-Control: no-store',
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  });
}

function problemFor(error: NodeJS.ErrnoException & { rawPacket?: Buffer }, limit: number): ProblemDetails {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    if (requestLineTooLong(error.rawPacket, limit)) {
      return {
        type: problemType('uri-too-long'),
        title: 'The URL is too long',
        status: 414,
        detail: 'The request line is longer than the server reads (16 KiB with its headers); no slug or query of the ledger is that long.',
        errors: [{ field: 'url', message: 'is too long' }],
      };
    }
    return {
      type: problemType('headers-too-large'),
      title: 'The request headers are too large',
      status: 431,
      detail: 'The request line and headers together are larger than the server reads (16 KiB).',
      errors: [{ field: 'headers', message: 'are too large' }],
    };
  }
  return {
    type: problemType('malformed-request'),
    title: 'The request is malformed',
    status: 400,
    detail: `The HTTP request could not be parsed (${error.code ?? 'parse error'}).`,
    errors: [{ field: 'request', message: 'is not valid HTTP/1.1' }],
  };
}

/**
 * Whether the request line alone passes the limit: the bytes the parser held when it gave
 * up start a request line ("GET /…") whose end is beyond the limit or not there at all. A
 * request that arrived in several pieces may not show its start; that is answered 431.
 */
function requestLineTooLong(raw: Buffer | undefined, limit: number): boolean {
  if (!raw || !/^[A-Z]+ /.test(raw.subarray(0, 16).toString('latin1'))) return false;
  const end = raw.indexOf('\r\n');
  return end === -1 || end > limit;
}
