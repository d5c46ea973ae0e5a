import type { DraftProposal } from './item-effects.contract';
import type { Attendance, AttendanceEntry } from './attendance';
import type { ReadItem } from './agenda-items';
import type { IntakeDirectory, KnownNamed, NameResolution, SourceLine } from './intake-result';
import { affiliationOf } from './person-phrase';
import { resolvePerson } from './resolve-names';
import { sourceLine } from './source-lines';
import type { Welcomer } from './welcome';
import { slugify } from '../domain/slug';

/** What every proposal of one protocol shares. */
export interface ProtocolContext {
  readonly date: string;
  readonly document: string;
  readonly registryNumber: string | null;
  readonly meetingRef: string;
  readonly directory: IntakeDirectory;
}

export function commandId(ctx: ProtocolContext, ...parts: string[]): string {
  return ['kalmar', ctx.date, ...parts].join(':');
}

/** metadata.source as the dataset writes it: document, item, registry number, note. */
export function sourceOf(ctx: ProtocolContext, at: { item?: string | null; note?: string | null } = {}): Record<string, unknown> {
  return { document: ctx.document, ...(at.item ? { item: at.item } : {}), ...(ctx.registryNumber ? { registryNumber: ctx.registryNumber } : {}), ...(at.note ? { note: at.note } : {}) };
}

function partyName(slug: string, parties: readonly KnownNamed[]): string {
  return parties.find((p) => p.slug === slug)?.name ?? slug;
}

/** The top-level number an item cites ("8" for "8.1"), as the dataset's commandIds and sources do. */
export function topNumber(item: string): string {
  return item.split('.')[0]!;
}

function nameNotes(r: NameResolution): string[] {
  if (r.kind === 'ambiguous') return [`Namnet "${r.name}" kan avse flera personer (${r.candidates.map((c) => c.name).join(', ')}): välj en.`];
  if (r.kind === 'existing' && r.matchedBy === 'alias') return [`"${r.name}" lästes som en känd stavning av samma person.`];
  return [];
}

export interface StatedPerson {
  readonly name: string;
  readonly organisation: string;
  readonly title: string | null;
  readonly unit: string | null;
  readonly printedOrganisation: string;
}

/** A RecordAffiliation for a person the text places at an organisation, with a title when it states one. */
export function affiliationProposal(ctx: ProtocolContext, who: StatedPerson, at: { item: string | null; sourceItem?: string; lines: readonly SourceLine[]; idPart: string; basis: Record<string, unknown>; note?: string }): DraftProposal {
  const resolution = resolvePerson(who.name, ctx.directory.people);
  const slug = resolution.kind === 'ambiguous' ? slugify(who.name) : resolution.slug;
  const org = partyName(who.organisation, ctx.directory.parties);
  const printedNote = slugify(who.printedOrganisation) !== slugify(org) && at.note === undefined ? `Printed "${who.printedOrganisation}".` : at.note;
  return {
    command: {
      type: 'RecordAffiliation',
      data: { person: { name: who.name }, organisation: who.organisation, ...(who.unit ? { unit: who.unit } : {}), ...(who.title ? { title: who.title } : {}), effectiveFrom: ctx.date },
      metadata: { commandId: commandId(ctx, at.idPart, 'affiliation', slug), source: sourceOf(ctx, { item: at.sourceItem ?? at.item, note: printedNote ?? null }), basis: at.basis },
    },
    summary: `${who.name}: ${[who.title, who.unit, org].filter((x) => x).join(', ')} från ${ctx.date}.`,
    item: at.item,
    lines: at.lines.map(sourceLine),
    confidence: 'stated',
    names: [resolution],
    notes: nameNotes(resolution),
  };
}

/** The ledger already has the person at that organisation (and with that title, when one is printed): no news. */
function alreadyKnown(ctx: ProtocolContext, name: string, organisation: string, title: string | null): boolean {
  const r = resolvePerson(name, ctx.directory.people);
  if (r.kind !== 'existing') return false;
  const known = ctx.directory.people.find((p) => p.slug === r.slug)?.affiliation;
  return known !== undefined && known.organisation === organisation && (title === null || (known.title ?? null) === title);
}

/** Presenters and welcomers whose organisation the item states. */
export function itemAffiliations(ctx: ProtocolContext, item: ReadItem, welcomers: readonly Welcomer[]): DraftProposal[] {
  const out: DraftProposal[] = [];
  const top = topNumber(item.number);
  const stated = [
    ...welcomers.map((w) => ({ name: w.name, as: w.description, lines: item.text[0]?.lines ?? [] })),
    ...item.presenters.map((p) => ({ name: p.name, as: p.as, lines: [p.line] })),
  ];
  for (const s of stated) {
    const aff = affiliationOf(s.as, ctx.directory.parties);
    if (!aff || alreadyKnown(ctx, s.name, aff.organisation, aff.title)) continue;
    out.push(affiliationProposal(ctx, { name: s.name, ...aff }, { item: item.number, sourceItem: top, lines: s.lines, idPart: `item${top}`, basis: { kind: 'stated' } }));
  }
  return out;
}

function personRef(name: string) {
  return { name };
}

/** RecordAttendance from the two lists, in the order printed. */
export function attendanceProposal(ctx: ProtocolContext, a: Attendance): DraftProposal {
  const names = [...a.present, ...a.others].map((e) => resolvePerson(e.name, ctx.directory.people));
  const unresolved = [...a.present, ...a.others].filter((e) => e.capacity !== null && !/^brukarrepresentant$/i.test(e.capacity));
  const present = a.present.map((e) => ({ person: personRef(e.name), ...(e.acting ? { acting: true } : {}), ...(e.party ? { for: e.party } : {}), ...(e.capacity ? { capacity: e.capacity } : {}) }));
  const others = a.others.map((e) => ({ person: personRef(e.name), ...(e.party ? { organisation: e.party } : {}), ...(e.capacity ? { capacity: e.capacity } : {}) }));
  const lists = `"Närvarande ledamöter"${a.othersHeading ? ` and "${a.othersHeading}"` : ''}`;
  return {
    command: {
      type: 'RecordAttendance',
      data: { meeting: ctx.meetingRef, present, others },
      metadata: {
        commandId: commandId(ctx, 'attendance'),
        source: sourceOf(ctx, {
          note: `Attendance lists ${lists} as printed, in order. "(tf.)" is recorded as acting; "Brukarrepresentant" as the capacity a member sat in (user representative, no party). Party names are resolved to the registered parties. Presence is a fact of the meeting, not a membership.`,
        }),
        basis: { kind: 'stated', item: 'Närvarande ledamöter' },
      },
    },
    summary: `Närvaro ${ctx.date}: ${a.present.length} ledamöter${a.present.some((e) => e.acting) ? ` (varav ${a.present.filter((e) => e.acting).length} tf.)` : ''}, ${a.others.length} övriga.`,
    item: null,
    lines: [...a.headingLines, ...a.present.flatMap((e) => e.lines), ...a.others.flatMap((e) => e.lines)].sort((x, y) => x.line - y.line).map(sourceLine),
    confidence: 'stated',
    names,
    notes: [
      ...names.flatMap(nameNotes),
      ...unresolved.map((e) => `"${e.printedOrganisation}" (${e.name}) är ingen registrerad huvudman; det är sparat som egenskap (capacity).`),
    ],
  };
}

/** Affiliations the lists state for people no item of the protocol placed, and whom the ledger does not already know there. */
export function attendanceAffiliations(ctx: ProtocolContext, a: Attendance, alreadyPlaced: ReadonlySet<string>): DraftProposal[] {
  const out: DraftProposal[] = [];
  const seen = new Set(alreadyPlaced);
  const lists: [readonly AttendanceEntry[], string][] = [
    [a.present, 'Närvarande ledamöter'],
    [a.others, a.othersHeading ?? 'Övriga medverkande'],
  ];
  for (const [entries, heading] of lists)
    for (const e of entries) {
      if (e.party === null) continue;
      const resolution = resolvePerson(e.name, ctx.directory.people);
      const slug = resolution.kind === 'ambiguous' ? slugify(e.name) : resolution.slug;
      if (seen.has(slug)) continue;
      seen.add(slug);
      if (alreadyKnown(ctx, e.name, e.party, null)) continue;
      const printed = e.printedOrganisation !== null && slugify(e.printedOrganisation) !== slugify(partyName(e.party, ctx.directory.parties)) ? ` Printed "${e.printedOrganisation}".` : '';
      const acting = e.acting ? ' Listed as "(tf.)" (tillförordnad, acting); what the person was acting as is not stated, so no title is recorded.' : '';
      out.push(
        affiliationProposal(ctx, { name: e.name, organisation: e.party, title: null, unit: null, printedOrganisation: e.printedOrganisation ?? '' }, {
          item: null,
          lines: e.lines,
          idPart: 'attendance',
          basis: { kind: 'stated', item: 'Närvarande ledamöter' },
          note: `Attendance list (${heading}) gives the organisation only; affiliation as of the meeting date, no title stated.${printed}${acting}`,
        }),
      );
    }
  return out;
}
