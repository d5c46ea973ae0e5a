import type { AllStreamResolvedEvent, EventData, JSONRecordedEvent } from '@eventstore/db-client';
import { eventHash, GENESIS_HASH } from '../../src/audit/event-hash';
import { verifyChains } from '../../src/audit/chain-verifier';
import { chainLinkOf, toAuditRecord, toEventData, toStoredEvent } from '../../src/event-store/eventstoredb/eventstoredb-mapping';
import { newEvent } from '../support/fixtures';

const RECORDED_AT = '2026-01-15T09:00:00.000Z';

/** What $all hands back for appended EventData: data and metadata through JSON, as the client does. */
function fromAll(data: EventData, at: { stream: string; revision: bigint; position: bigint }): AllStreamResolvedEvent {
  const event: JSONRecordedEvent & { position: { commit: bigint; prepare: bigint } } = {
    streamId: at.stream,
    id: data.id,
    isJson: true,
    revision: at.revision,
    type: data.type,
    created: new Date(RECORDED_AT),
    data: JSON.parse(JSON.stringify(data.data)) as JSONRecordedEvent['data'],
    metadata: JSON.parse(JSON.stringify(data.metadata)) as JSONRecordedEvent['metadata'],
    position: { commit: at.position, prepare: at.position },
  };
  return { event, commitPosition: at.position };
}

/** The hash chain on EventStoreDB: computed by the adapter at append, carried in each event's metadata. */
describe('EventStoreDB hash chain (mapping)', () => {
  it('puts the link in the metadata, and the hash verifies against the event as the adapter reads it back', () => {
    const event = newEvent('MemberAppointed', { personId: 'p', title: undefined, field: 'hab/rehab' });
    const data = toEventData(event, RECORDED_AT, { stream: 'group-a', streamVersion: 3, prevHash: '1'.repeat(64) });
    const chain = (data.metadata as { ledgerChain: { hash: string; prevHash: string } }).ledgerChain;
    expect(chain.prevHash).toBe('1'.repeat(64));

    const resolved = fromAll(data, { stream: 'group-a', revision: 2n, position: 4242n });
    const stored = toStoredEvent(resolved);
    expect(stored.metadata).not.toHaveProperty('ledgerChain');
    expect(stored.streamVersion).toBe(3);
    expect(eventHash('1'.repeat(64), stored)).toBe(chain.hash);
    expect(chainLinkOf(resolved)).toEqual({ position: 4242, eventId: event.id, stream: 'group-a', streamVersion: 3, hash: chain.hash, prevHash: '1'.repeat(64) });
  });

  it('chains the events of a stream, and the verifier accepts them as audit records', () => {
    let prevHash = GENESIS_HASH;
    const records = [newEvent('A'), newEvent('B'), newEvent('C')].map((event, i) => {
      const data = toEventData(event, RECORDED_AT, { stream: 'group-a', streamVersion: i + 1, prevHash });
      prevHash = (data.metadata as { ledgerChain: { hash: string } }).ledgerChain.hash;
      return toAuditRecord(fromAll(data, { stream: 'group-a', revision: BigInt(i), position: BigInt(1000 * (i + 1)) }));
    });
    expect(verifyChains(records)).toMatchObject({ ok: true, events: 3, streams: 1 });

    const changed = { ...records[1]!, event: { ...records[1]!.event!, data: { forged: true } } };
    expect(verifyChains([records[0]!, changed, records[2]!]).problems).toEqual([expect.objectContaining({ kind: 'changed', eventId: records[1]!.event!.id })]);
  });

  it('an event written before hashing existed carries no link; the verifier reports it', () => {
    const resolved = fromAll(toEventData(newEvent('A'), RECORDED_AT), { stream: 's', revision: 0n, position: 7n });
    expect(chainLinkOf(resolved)).toBeNull();
    expect(toAuditRecord(resolved)).toMatchObject({ position: 7, link: null, defect: null });
    expect(verifyChains([toAuditRecord(resolved)]).problems).toEqual([expect.objectContaining({ kind: 'inserted' })]);
  });
});
