import { InvalidInput } from '../domain/ledger-errors';
import { ProtocolNotText, ProtocolTooLarge } from './intake-errors';

/** The longest protocol the intake reads: the seeds are 10–20 KB; 5 MB is far beyond any real one. */
export const MAX_PROTOCOL_BYTES = 5 * 1024 * 1024;

/** File formats a clerk may upload by mistake, by their first bytes: the text must be pasted or saved as .txt. */
const SIGNATURES: readonly { readonly bytes: readonly number[]; readonly name: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'a PDF file' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a Word (.docx) or other zip file' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'an old Word (.doc) file' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: 'an RTF file' },
];

/**
 * The text of an uploaded protocol: UTF-8 (a byte order mark is dropped), no binary content,
 * at most MAX_PROTOCOL_BYTES, not empty. Every refusal names `field`.
 */
export function protocolTextOf(bytes: Uint8Array, field: string): string {
  if (bytes.length > MAX_PROTOCOL_BYTES) {
    throw new ProtocolTooLarge(MAX_PROTOCOL_BYTES, [{ field, message: `is ${bytes.length} bytes; at most ${MAX_PROTOCOL_BYTES} bytes (5 MB) of text` }]);
  }
  const format = SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  if (format) throw new ProtocolNotText(`The upload is ${format.name}, not text: save the protocol as plain text (.txt) or paste its text`, [{ field, message: `is ${format.name}, not plain text` }]);
  if (bytes.includes(0)) throw new ProtocolNotText('The upload holds binary data (NUL bytes), not text', [{ field, message: 'holds binary data, not text' }]);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ProtocolNotText('The text is not valid UTF-8: save the protocol as UTF-8 text', [{ field, message: 'is not valid UTF-8' }]);
  }
  const control = text.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (control > Math.max(8, text.length / 100)) throw new ProtocolNotText('The upload holds control characters, not text', [{ field, message: 'holds control characters, not text' }]);
  if (text.trim() === '') throw new InvalidInput('The protocol text is empty', [{ field, message: 'must not be empty' }]);
  return text;
}
