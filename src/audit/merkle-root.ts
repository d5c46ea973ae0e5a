import { createHash } from 'node:crypto';

/**
 * The Merkle tree hash of RFC 6962 (Certificate Transparency), section 2.1, so any CT
 * library can recompute it:
 *   MTH({})      = SHA-256()
 *   MTH({d0})    = SHA-256(0x00 ‖ d0)
 *   MTH(D[0:n])  = SHA-256(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n])), k the largest power of two below n.
 * Leaves are byte strings (here the UTF-8 of canonical JSON); the result is lower-case hex.
 */
export function merkleRoot(leaves: readonly string[]): string {
  return mth(leaves.map((leaf) => Buffer.from(leaf, 'utf8'))).toString('hex');
}

function mth(leaves: readonly Buffer[]): Buffer {
  const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
  if (leaves.length === 0) return sha();
  if (leaves.length === 1) return sha(Buffer.from([0]), leaves[0]!);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha(Buffer.from([1]), mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}
