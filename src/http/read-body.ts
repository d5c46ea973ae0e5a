import type { Request } from 'express';

/**
 * A request's body, or null when it is larger than `limit` bytes. A too-large body is read to
 * its end but not kept, so the answer (413) still reaches the client.
 */
export async function readBody(request: Request, limit: number): Promise<Buffer | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? null : Buffer.concat(chunks);
}
