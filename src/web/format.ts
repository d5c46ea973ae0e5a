/** Swedish number and date formats for the pages. */
export { day, kronor } from '../domain/swedish-format';

/** An ISO timestamp as "2026-01-01 12:00 UTC". */
export function timestamp(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

const ROLES: Record<string, string> = { chair: 'ordförande', 'vice-chair': 'vice ordförande', member: 'ledamot', deputy: 'ersättare', secretary: 'sekreterare', adjunct: 'adjungerad', convener: 'sammankallande' };

export function roleSv(role: string): string {
  return ROLES[role] ?? role;
}
