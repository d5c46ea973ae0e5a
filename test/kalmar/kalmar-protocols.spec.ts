import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLedger, type Ledger } from '../../src/ledger';
import { protocolMarkdown } from '../../src/queries/protocol-render';
import { seedIfEmpty } from '../../src/seed/kalmar-seed';
import { FixedClock, tempDir } from '../support/fixtures';

/**
 * One test per source meeting: the protocol rebuilt from the log is compared with the
 * source document's text in ../shared/seeds (read-only). Attendance both ways; every
 * decision sentence of the source appears in the rebuilt decisions, and every rebuilt
 * decision is verbatim in the source.
 */
const SEEDS = join(__dirname, '..', '..', '..', 'shared', 'seeds');
const LGL = 'lansgemensam-ledning-i-samverkan';

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const unescapeMd = (text: string) => text.replace(/\\(.)/g, '$1');

/** "Name, Party (tf.)" lines of a list; a name whose party wrapped onto the next line is joined. */
function listLines(block: string): string[] {
  const lines = block.split('\n').map((l) => l.trim()).filter(Boolean);
  const joined: string[] = [];
  for (const line of lines) {
    const previous = joined.at(-1);
    if (previous?.endsWith(',')) joined[joined.length - 1] = `${previous} ${line}`;
    else joined.push(line);
  }
  return joined;
}

const nameOf = (line: string) => line.split(',')[0]!.trim();

function sourceAttendance(seed: string): { present: string[]; others: string[] } {
  const start = seed.search(/^\s*Närvarande ledamöter:?\s*$/m);
  const rest = seed.slice(start).replace(/^\s*Närvarande ledamöter:?\s*$/m, '');
  const split = rest.search(/^\s*Övriga( medverkande)?\s*$/m);
  return { present: listLines(rest.slice(0, split)), others: listLines(rest.slice(split).replace(/^\s*Övriga( medverkande)?\s*$/m, '')) };
}

function rebuiltList(markdown: string, heading: string): string[] {
  const section = markdown.split(`## ${heading}\n\n`)[1]!.split('\n\n')[0]!;
  return section.split('\n').filter((l) => l.startsWith('- ')).map((l) => unescapeMd(l.slice(2)));
}

/** The bold (decision) text of the rebuilt Markdown, "Beslut: " labels taken off. */
function rebuiltDecisions(markdown: string): string {
  const bold = [...markdown.matchAll(/\*\*(.+?)\*\*/g)].map((m) => unescapeMd(m[1]!).replace(/^Beslut: /, ''));
  return normalise(bold.join(' - '));
}

describe('The Kalmar protocols rebuilt from the log read like their sources', () => {
  const tmp = tempDir('ledger-kalmar-protocols-');
  let ledger: Ledger;

  beforeAll(async () => {
    ledger = await openLedger({ store: 'sqlite', dbPath: tmp.file('ledger.db'), eventStoreConnectionString: null, readModelWaitMs: 0 }, { clock: new FixedClock() });
    await seedIfEmpty(ledger);
  });
  afterAll(async () => {
    await ledger.close();
    tmp.cleanup();
  });

  const cases = [
    { date: '2024-12-13', seed: '004_31f21ad4ef5bd8ed.txt', registry: null, decisions: 4 },
    { date: '2025-02-28', seed: '000_8dbea4f65518a055.txt', registry: 'RS DRN 2025/51', decisions: 2 },
    { date: '2025-05-16', seed: '002_2420f61ec8c9a7cd.txt', registry: null, decisions: 4 },
    { date: '2026-03-12', seed: '003_99a661715dc34129.txt', registry: null, decisions: 1 },
  ];

  it.each(cases)('protocol $date: attendance, decisions and registry number match the source ($seed)', ({ date, seed, registry, decisions }) => {
    const source = readFileSync(join(SEEDS, seed), 'utf8');
    const meeting = ledger.meetings.detail(`${LGL}-${date}`, null)!;
    const markdown = protocolMarkdown(meeting);

    // Attendance, both ways, with "(tf.)" where the source has it.
    const expected = sourceAttendance(source);
    const present = rebuiltList(markdown, 'Närvarande ledamöter');
    const others = rebuiltList(markdown, 'Övriga medverkande');
    expect(present.map(nameOf)).toEqual(expected.present.map(nameOf));
    expect(others.map(nameOf)).toEqual(expected.others.map(nameOf));
    expect(present.filter((l) => l.endsWith('(tf.)')).map(nameOf)).toEqual(expected.present.filter((l) => l.includes('(tf.)')).map(nameOf));

    // Every decision of the source is in the rebuilt protocol, and every rebuilt decision is verbatim in the source.
    const text = normalise(source);
    const rebuilt = rebuiltDecisions(markdown);
    const sentences = [...text.matchAll(/Beslut: ([^.]+\.)/g)].map((m) => m[1]!);
    for (const m of text.matchAll(/(?:Ledamöter inom )?Läns ?gemensam ledning beslutar att/g)) sentences.push(text.slice(m.index, m.index + 100));
    expect(sentences).toHaveLength(decisions);
    for (const sentence of sentences) expect(rebuilt).toContain(sentence);
    const decided = meeting.decisions.filter((d) => d.text !== null);
    expect(decided).toHaveLength(decisions);
    for (const d of decided) expect(text).toContain(normalise(d.text!));

    // The layout: registry number first, then the title; the numbered items as printed.
    expect(markdown.split('\n')[0]).toBe(registry ?? `# Protokoll Länsgemensam ledning i samverkan ${date}`);
    expect(meeting.status).toBe('signed-off');
    for (const item of meeting.items.filter((i) => !i.number.includes('.'))) expect(text).toContain(`${item.number}. ${item.title.split(' ')[0]}`);
  });

  it('2025-02-28: the newsletter is a second source of the same items, never a second decision', () => {
    const meeting = ledger.meetings.detail(`${LGL}-2025-02-28`, null)!;
    const newsletter = normalise(readFileSync(join(SEEDS, '001_907a971c5c5ec615.txt'), 'utf8'));
    const replacement = meeting.decisions.find((d) => d.item === '4.1')!;
    expect(newsletter).toContain(normalise(replacement.text!));
    expect(meeting.decisions.filter((d) => d.text?.includes('Katarina Nilsson Ederam'))).toHaveLength(1);
    const item = meeting.items.find((i) => i.number === '4.1')!;
    expect(item.sources.map((s) => s.document)).toEqual(['Protokoll Länsgemensam ledning 2025-02-28', 'Nyhetsbrev Länsgemensam ledning i samverkan – mötet 2025-02-28']);
    expect(item.effects.map((e) => e.summary)).toContain('Katarina Nilsson Ederam replaces Karin Jilkén in Samordnande grupp Äldre from 2025-02-28');
  });

  it('the joint plan waits for the municipalities and the region; the school members ratified it on 2025-05-23; the e-mail decision is pending', () => {
    const pending = ledger.decisions.list('pending', null).decisions;
    expect(pending.map((d) => `${d.meeting.date} ${d.item}`)).toEqual(['2025-05-16 5', '2025-05-16 6']);
    const plan = pending[0]!;
    expect(plan.ratifications).toMatchObject([{ ratifier: { name: 'Ledamöter inom skola' }, ratifiedOn: '2025-05-23', forum: 'skolchefsnätverksmöte' }]);
    expect(plan.waitingFor).toHaveLength(13);
    expect(pending[1]!.waitingFor).toEqual([{ kind: 'later-decision', procedure: 'beslutas via mejl', subject: 'Handlingsplanen för samordnande grupp äldre' }]);
  });

  it('every roster decision of the protocols cites its meeting and item', () => {
    const effects = (date: string, item: string) => ledger.meetings.detail(`${LGL}-${date}`, null)!.items.find((i) => i.number === item)!.effects.filter((e) => e.type !== 'PersonRegistered').map((e) => e.summary);
    expect(effects('2024-12-13', '8.1')).toEqual(['Charlotte Blomqvist joins Samordnande grupp Barn och unga (skolhälsovården) from 2024-12-13']);
    expect(effects('2024-12-13', '8.3')).toHaveLength(4);
    expect(effects('2025-05-16', '4.1')).toEqual(['Sam Nordström replaces Lena Nordström Hellberg in Samordnande grupp Psykisk hälsa from 2025-05-16']);
    expect(effects('2025-05-16', '4.2')).toEqual(['Anne-Lie Gustafsson joins Samordnande grupp Psykisk hälsa from 2025-05-16']);
  });
});
