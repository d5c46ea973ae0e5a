import type { Request } from 'express';

/** A meeting with its items is the largest form; 64 KiB holds a long protocol's titles and decision texts. */
export const MAX_FORM_BYTES = 64 * 1024;

/**
 * The form's fields (application/x-www-form-urlencoded), or null when the body is larger than
 * allowed. A too-large body is read to its end but not kept, so the answer (413) still reaches the browser.
 */
export async function readForm(request: Request, limit = MAX_FORM_BYTES): Promise<URLSearchParams | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? null : new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
