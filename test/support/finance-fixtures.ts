import { eventIdFor, idFromSlug, streamOf } from '../../src/domain/identity';
import type { Ledger } from '../../src/ledger';
import { newEvent } from './fixtures';

/** Commands for a small grant: the parties, a 1 000 000 kr grant in two parts. */
export const PARTIES = [
  { type: 'RegisterParty', data: { name: 'Region Kalmar län', slug: 'region-kalmar-lan', kind: 'region', aliases: ['RKL'] }, metadata: { commandId: 'party-rkl' } },
  { type: 'RegisterParty', data: { name: 'Kommunförbundet Kalmar län', slug: 'kommunforbundet-kalmar-lan', kind: 'association', aliases: ['KFKL'] }, metadata: { commandId: 'party-kfkl' } },
];
export const GRANT = 'stimulans-2025';
export const grantCommand = (received: unknown = 1000000, parts: unknown = [{ area: 'A', amount: 600000 }, { area: 'B', amount: 400000 }]) => ({
  type: 'RegisterGrant',
  data: { name: 'Stimulans 2025', slug: GRANT, agreement: 'Överenskommelse 2025', year: 2025, holder: 'region-kalmar-lan', received, parts, effectiveFrom: '2025-01-15' },
  metadata: { commandId: 'grant-2025' },
});
export const money = (type: string, commandId: string, data: Record<string, unknown>) => ({ type, data: { grant: GRANT, ...data }, metadata: { commandId } });

/** The id of the first event a command appended (event ids derive from the commandId). */
export const firstEventOf = (commandId: string) => eventIdFor(commandId, 0);

/** Appends an EventRevoked to the grant's stream directly (the RevokeEvent command belongs to another slice). */
export async function revokeDirectly(ledger: Ledger, targetCommandId: string, targetType: string, grant = GRANT, kind: 'grant' | 'project' = 'grant') {
  const stream = streamOf(kind, idFromSlug(kind, grant));
  const event = newEvent('EventRevoked', { targetEventId: firstEventOf(targetCommandId), targetType, reason: 'recorded in error' });
  return ledger.store.append([{ stream, expectedVersion: 'any', events: [event] }]);
}

export async function correctDirectly(ledger: Ledger, targetCommandId: string, targetType: string) {
  const stream = streamOf('grant', idFromSlug('grant', GRANT));
  const event = newEvent('EventCorrected', { targetEventId: firstEventOf(targetCommandId), targetType, reason: 'typo', correctedData: {} });
  return ledger.store.append([{ stream, expectedVersion: 'any', events: [event] }]);
}

/** The meeting a project extension cites (2024-12-13, item 8.2): `metadata.decision` must name a recorded meeting and item. */
export const MEETING_2024_12_13 = [
  { type: 'EstablishGroup', data: { name: 'Länsgemensam ledning i samverkan', kind: 'leadership', effectiveFrom: 'unknown' }, metadata: { commandId: 'group-lgl' } },
  {
    type: 'RecordMeeting',
    data: {
      body: 'lansgemensam-ledning-i-samverkan',
      date: '2024-12-13',
      items: [
        { number: '8', kind: 'information', title: 'Beslutspunkter' },
        { number: '8.2', kind: 'decision', title: 'Förlängning av projektet', decision: { text: 'Länsgemensam ledning beslutar att förlänga projektet t o m 2026-12-31.', outcome: 'decided' } },
      ],
    },
    metadata: { commandId: 'meeting-2024-12-13' },
  },
];
