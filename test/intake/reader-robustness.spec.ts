import { intakeProtocol } from '../../src/intake/intake-protocol';
import { UnreadableProtocol, type IntakeResult } from '../../src/intake/intake-result';
import { partiesAndGroupsDirectory, SEED_PROTOCOLS, seedText } from './reader-fixtures';

/** A deterministic pseudo-random sequence (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Damage as conversions and clerks do it: lines lost, repeated, swapped, cut; Windows line ends. */
function damaged(text: string, rnd: () => number): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const r = rnd();
    if (r < 0.08) continue;
    if (r < 0.12) out.push(line, line);
    else if (r < 0.15) out.push(line.slice(0, Math.floor(line.length * rnd())));
    else out.push(line);
  }
  for (let k = 0; k < 3 && out.length > 2; k++) {
    const i = Math.floor(rnd() * (out.length - 1));
    [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
  }
  return out.join(rnd() < 0.5 ? '\n' : '\r\n');
}

function readOrRefuse(text: string): IntakeResult | UnreadableProtocol {
  try {
    return intakeProtocol(text, partiesAndGroupsDirectory());
  } catch (e) {
    if (e instanceof UnreadableProtocol) return e;
    throw e;
  }
}

function expectWhole(text: string, r: IntakeResult): void {
  const nonBlank = text.split(/\r\n|\r|\n/).flatMap((t, i) => (t.trim() === '' ? [] : [i + 1]));
  const covered = new Set([...r.proposals.flatMap((p) => p.lines), ...r.amounts.flatMap((a) => a.lines), ...r.notUnderstood.flatMap((n) => n.lines)].map((l) => l.line));
  expect(nonBlank.filter((n) => !covered.has(n))).toEqual([]);
  const ids = r.proposals.map((p) => p.command.metadata['commandId']);
  expect(new Set(ids).size).toBe(ids.length);
  for (const p of r.proposals) expect(p.lines.length).toBeGreaterThan(0);
}

describe('Given damaged copies of the seed protocols', () => {
  it.each(Object.entries(SEED_PROTOCOLS))('when %s is read after 40 different damages, then each is read whole or refused as UnreadableProtocol, never a crash', (_date, file) => {
    const text = seedText(file);
    const rnd = random(file.length * 7919 + text.length);
    let read = 0;
    for (let run = 0; run < 40; run++) {
      const copy = damaged(text, rnd);
      const r = readOrRefuse(copy);
      if (r instanceof UnreadableProtocol) expect(r.field).toBe('text');
      else {
        expectWhole(copy, r);
        read += 1;
      }
    }
    // Most damage leaves the title: a reader that refused everything would pass the loop above.
    expect(read).toBeGreaterThan(20);
  });

  it('when the text is binary noise, then it is refused', () => {
    const rnd = random(42);
    const noise = Array.from({ length: 4000 }, () => String.fromCharCode(Math.floor(rnd() * 0xffff))).join('');
    expect(readOrRefuse(noise)).toBeInstanceOf(UnreadableProtocol);
  });

  it('when a protocol is cut after its first item, then what is there is read and nothing is lost', () => {
    const text = seedText(SEED_PROTOCOLS['2025-02-28']).split('\n').slice(0, 20).join('\n');
    const r = readOrRefuse(text);
    expect(r).not.toBeInstanceOf(UnreadableProtocol);
    expectWhole(text, r as IntakeResult);
    expect((r as IntakeResult).proposals.map((p) => p.command.type)).toContain('RecordMeeting');
  });
});

describe('Given a very long protocol', () => {
  it('when 60 copies of a protocol are read as one text, then it is read in seconds and nothing is lost', () => {
    const one = seedText(SEED_PROTOCOLS['2025-05-16']);
    const text = Array.from({ length: 60 }, () => one).join('\n');
    const started = Date.now();
    const r = readOrRefuse(text);
    const took = Date.now() - started;
    expect(r).not.toBeInstanceOf(UnreadableProtocol);
    expectWhole(text, r as IntakeResult);
    expect(took).toBeLessThan(15_000);
  });
});
