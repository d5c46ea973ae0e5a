import Database from 'better-sqlite3';
import type { BenchCommand } from '../../bench/generator/history-kind';
import { importWriters, splitByRole } from '../../bench/support/import-writers';
import { TokenStore } from '../../src/access/token-store';

const command = (type: string, id: string): BenchCommand => ({ type, data: {}, metadata: { commandId: id } });

describe('the bulk import as two writers', () => {
  it('sends the clerk\'s commands, then finance\'s, each in generated order; corrections of seats and meetings are the clerk\'s', () => {
    const batch = [command('RecordMeeting', '1'), command('RegisterGrant', '2'), command('ReplaceMember', '3'), command('AllocateFunds', '4'), command('RevokeEvent', '5')];
    expect(splitByRole(batch).map((p) => [p.role, p.commands.map((c) => c.metadata.commandId)])).toEqual([
      ['clerk', ['1', '3', '5']],
      ['finance', ['2', '4']],
    ]);
    expect(splitByRole([command('AppointChair', '1')]).map((p) => p.role)).toEqual(['clerk']);
    expect(() => splitByRole([command('NoSuchCommand', '1')])).toThrow(/unknown command type/);
  });

  it('acts through verified tokens of one role each, not as the local system principal', () => {
    const db = new Database(':memory:');
    const writers = importWriters(new TokenStore(db), 'bench import');
    expect(writers.clerk).toMatchObject({ role: 'clerk', actor: 'clerk:bench import clerk' });
    expect(writers.finance).toMatchObject({ role: 'finance', actor: 'finance:bench import finance' });
    expect(writers.clerk.tokenId).not.toBeNull();
    db.close();
  });
});
