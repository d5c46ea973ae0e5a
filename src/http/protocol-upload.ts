import busboy from 'busboy';
import type { Request } from 'express';
import { InvalidInput, type LedgerError } from '../domain/ledger-errors';
import { ProtocolNotText, ProtocolTooLarge } from '../intake/intake-errors';
import { MAX_PROTOCOL_BYTES } from '../intake/protocol-text';
import { readBody } from './read-body';

/** The bytes of an uploaded protocol, the field they came in (for problem details), and the form's other fields. */
export interface ProtocolUpload {
  readonly bytes: Buffer;
  /** "text" (a text body, JSON's text, the form's text area) or "protocol" (the uploaded file). */
  readonly field: 'text' | 'protocol';
  readonly fields: ReadonlyMap<string, string>;
}

const tooLarge = (field: string) => new ProtocolTooLarge(MAX_PROTOCOL_BYTES, [{ field, message: `is larger than ${MAX_PROTOCOL_BYTES} bytes (5 MB)` }]);

/**
 * Reads a protocol sent as text/plain (UTF-8), as JSON `{ "text": "…" }`, or as
 * multipart/form-data with a file `protocol` or a field `text`. A body over the limit is
 * read to its end but not kept, so the 413 reaches the client.
 */
export async function readProtocolUpload(request: Request): Promise<ProtocolUpload> {
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    const form = await readMultipart(request);
    if (form.problem) throw form.problem;
    return form;
  }
  if (type.startsWith('text/plain') || type === '') {
    const charset = /charset\s*=\s*"?([^";\s]+)/.exec(type)?.[1];
    if (charset && !['utf-8', 'utf8', 'us-ascii'].includes(charset)) {
      throw new ProtocolNotText(`The text is sent as ${charset}; the intake reads UTF-8 only`, [{ field: 'text', message: `charset ${charset}: send UTF-8` }]);
    }
    const bytes = await readBody(request, MAX_PROTOCOL_BYTES);
    if (!bytes) throw tooLarge('text');
    return { bytes, field: 'text', fields: new Map() };
  }
  if (type.startsWith('application/json')) {
    // JSON escapes make the body longer than its text: allow a little more than the text limit.
    const bytes = await readBody(request, MAX_PROTOCOL_BYTES * 2);
    if (!bytes) throw tooLarge('text');
    let body: unknown;
    try {
      body = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new InvalidInput('The body is not valid JSON', [{ field: 'body', message: 'is not valid JSON' }]);
    }
    const text = (body as { text?: unknown } | null)?.text;
    if (typeof text !== 'string') throw new InvalidInput('text must be the protocol as a string', [{ field: 'text', message: 'must be a string' }]);
    return { bytes: Buffer.from(text, 'utf8'), field: 'text', fields: new Map() };
  }
  await drain(request);
  throw new ProtocolNotText(`Content type ${type} is not read by the intake: send text/plain, application/json or multipart/form-data`, [{ field: 'content-type', message: 'must be text/plain, application/json or multipart/form-data' }]);
}

async function drain(request: Request): Promise<void> {
  for await (const _chunk of request as AsyncIterable<Buffer>);
}

/** A form's upload as the web page sends it (multipart/form-data): its fields are kept even when the protocol is refused, so the page can check its CSRF token and answer. */
export interface FormUpload extends ProtocolUpload {
  readonly problem: LedgerError | null;
}

export function readMultipart(request: Request): Promise<FormUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, limits: { fileSize: MAX_PROTOCOL_BYTES, fieldSize: MAX_PROTOCOL_BYTES, files: 1, fields: 20 }, defParamCharset: 'utf8' });
    } catch {
      reject(new InvalidInput('The multipart body has no boundary', [{ field: 'content-type', message: 'multipart/form-data needs a boundary' }]));
      return;
    }
    const fields = new Map<string, string>();
    const file: Buffer[] = [];
    let problem: LedgerError | null = null;
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) problem ??= tooLarge(name);
      else fields.set(name, value);
    });
    parser.on('file', (name, stream) => {
      if (name !== 'protocol') {
        stream.resume();
        return;
      }
      stream.on('data', (chunk: Buffer) => file.push(chunk));
      stream.on('limit', () => (problem ??= tooLarge('protocol')));
    });
    parser.on('error', () => reject(new InvalidInput('The multipart body is malformed', [{ field: 'body', message: 'is not well-formed multipart/form-data' }])));
    parser.on('close', () => {
      const uploaded = Buffer.concat(file);
      // A form sends an empty file part when no file was chosen: the text area is used then.
      if (uploaded.length > 0) return resolve({ bytes: uploaded, field: 'protocol', fields, problem });
      resolve({ bytes: Buffer.from(fields.get('text') ?? '', 'utf8'), field: 'text', fields, problem });
    });
    request.pipe(parser);
  });
}
