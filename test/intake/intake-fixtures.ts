import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EffectContext, IntakeItem } from '../../src/intake/item-effects.contract';
import type { IntakeDirectory, KnownNamed, KnownPerson, SourceLine } from '../../src/intake/intake-result';

/** The source documents (read-only), beside the repository as the Kalmar protocol tests read them. */
export const SEEDS = join(__dirname, '..', '..', '..', 'shared', 'seeds');
const DATA = join(__dirname, '..', '..', 'data', 'kalmar');

interface DatasetCommand {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: { readonly commandId: string } & Record<string, unknown>;
}

export function datasetCommands(): DatasetCommand[] {
  return readdirSync(DATA)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(DATA, f), 'utf8')) as DatasetCommand[]);
}

export function datasetCommand(commandId: string): DatasetCommand {
  const found = datasetCommands().find((c) => c.metadata.commandId === commandId);
  if (!found) throw new Error(`no command ${commandId} in data/kalmar`);
  return found;
}

/** Groups and parties as the shipped dataset registers them (01-parties, 02-groups), with their aliases. */
export function kalmarDirectory(people: readonly KnownPerson[] = []): IntakeDirectory {
  const named = (type: string): KnownNamed[] =>
    datasetCommands()
      .filter((c) => c.type === type)
      .map((c) => ({ slug: String(c.data.slug), name: String(c.data.name), aliases: (c.data.aliases as string[] | undefined) ?? [] }));
  return { people, groups: named('EstablishGroup'), parties: named('RegisterParty') };
}

/** Lines `from`..`to` (1-based, inclusive) of a seed file, exactly as written (trailing whitespace trimmed). */
export function seedLines(file: string, from: number, to: number): SourceLine[] {
  const all = readFileSync(join(SEEDS, file), 'utf8').split(/\r?\n/);
  return all.slice(from - 1, to).map((text, i) => ({ line: from + i, text: text.trimEnd() }));
}

export function itemOf(number: string, lines: readonly SourceLine[], kind: IntakeItem['kind'] = 'decision', title = `Punkt ${number}`): IntakeItem {
  return { number, title, kind, lines, decisionText: null };
}

/** Lines of an invented text, numbered from `first`. */
export function textLines(text: string, first = 1): SourceLine[] {
  return text.split('\n').map((t, i) => ({ line: first + i, text: t.trimEnd() }));
}

export const PROTOCOLS = {
  '2024-12-13': { file: '004_31f21ad4ef5bd8ed.txt', title: 'Protokoll Läns gemensam ledning i samverkan 2024-12-13', registryNumber: null },
  '2025-02-28': { file: '000_8dbea4f65518a055.txt', title: 'Protokoll Länsgemensam ledning 2025-02-28', registryNumber: 'RS DRN 2025/51' },
  '2025-05-16': { file: '002_2420f61ec8c9a7cd.txt', title: 'Protokoll Länsgemensam ledning 2025-05-16', registryNumber: null },
  '2026-03-12': { file: '003_99a661715dc34129.txt', title: 'Protokoll Läns gemensam ledning 2026-03-12', registryNumber: null },
} as const;

export type MeetingDate = keyof typeof PROTOCOLS;

export function contextOf(date: MeetingDate, people: readonly KnownPerson[] = []): EffectContext {
  const p = PROTOCOLS[date];
  const body = 'lansgemensam-ledning-i-samverkan';
  return { body, meetingRef: `${body}-${date}`, meetingDate: date, documentTitle: p.title, registryNumber: p.registryNumber, directory: kalmarDirectory(people) };
}
