import type Database from 'better-sqlite3';
import { KNOWN_AT_SQL, KNOWN_FROM_SQL } from './temporal-params';

export interface SearchHit {
  readonly kind: 'person' | 'group' | 'meeting' | 'decision';
  readonly slug: string;
  readonly label: string;
  /** For decisions: the item number within the meeting `slug`. */
  readonly item?: string;
  readonly excerpt?: string;
}

export interface SearchAnswer {
  readonly q: string;
  readonly knownAt: string | null;
  readonly hits: readonly SearchHit[];
}

/** Lower case without diacritics, so "jilken" finds "Jilkén" and "aldre" finds "Äldre". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const LIMIT = 50;

/** People, groups, meetings and decision texts whose words contain every search word. */
export class SearchReader {
  constructor(private readonly db: Database.Database) {}

  search(q: string, knownAt: string | null): SearchAnswer {
    const words = foldText(q).split(/\s+/).filter(Boolean);
    const matches = (...texts: (string | null)[]) => words.length > 0 && words.every((w) => texts.some((t) => t !== null && foldText(t).includes(w)));
    const hits: SearchHit[] = [];
    const known = { knownAt };
    for (const p of this.db.prepare<typeof known, { slug: string; name: string }>(`SELECT slug, name FROM rm_persons WHERE ${KNOWN_FROM_SQL} ORDER BY name`).all(known)) {
      if (matches(p.name)) hits.push({ kind: 'person', slug: p.slug, label: p.name });
    }
    for (const g of this.db.prepare<typeof known, { slug: string; name: string }>(`SELECT slug, name FROM rm_groups WHERE ${KNOWN_FROM_SQL} ORDER BY name`).all(known)) {
      if (matches(g.name)) hits.push({ kind: 'group', slug: g.slug, label: g.name });
    }
    const meetings = this.db
      .prepare<typeof known, { slug: string; date: string; title: string | null; registry_number: string | null; body: string | null }>(
        `SELECT m.slug, m.date, m.title, m.registry_number, g.name AS body FROM rm_meetings m LEFT JOIN rm_groups g ON g.id = m.body_id
         WHERE ${KNOWN_AT_SQL.replace(/known_(from|until)/g, 'm.known_$1')} ORDER BY m.date`,
      )
      .all(known);
    for (const m of meetings) {
      if (matches(m.body, m.date, m.title, m.registry_number)) hits.push({ kind: 'meeting', slug: m.slug, label: `${m.body ?? 'Möte'} ${m.date}` });
    }
    const decisions = this.db
      .prepare<typeof known, { slug: string; date: string; item: string; title: string; text: string | null }>(
        `SELECT m.slug, d.meeting_date AS date, d.item, d.title, d.text FROM rm_decisions d JOIN rm_meetings m ON m.meeting_id = d.meeting_id AND ${KNOWN_AT_SQL.replace(/known_(from|until)/g, 'm.known_$1')}
         WHERE ${KNOWN_AT_SQL.replace(/known_(from|until)/g, 'd.known_$1')} ORDER BY d.meeting_date, d.sort_key`,
      )
      .all(known);
    for (const d of decisions) {
      if (matches(d.title, d.text)) hits.push({ kind: 'decision', slug: d.slug, item: d.item, label: `${d.date} § ${d.item} ${d.title}`, excerpt: d.text ?? undefined });
    }
    return { q, knownAt, hits: hits.slice(0, LIMIT) };
  }
}
