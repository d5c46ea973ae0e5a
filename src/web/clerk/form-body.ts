import type { Request } from 'express';
import { readBody } from '../../http/read-body';

/** A meeting with its items is the largest form; 64 KiB holds a long protocol's titles and decision texts. */
export const MAX_FORM_BYTES = 64 * 1024;

/** The form's fields (application/x-www-form-urlencoded), or null when the body is larger than allowed (answer 413). */
export async function readForm(request: Request, limit = MAX_FORM_BYTES): Promise<URLSearchParams | null> {
  const body = await readBody(request, limit);
  return body === null ? null : new URLSearchParams(body.toString('utf8'));
}
