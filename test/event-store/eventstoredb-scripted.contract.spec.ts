import { EventStoreDbEventStore } from '../../src/event-store/eventstoredb/eventstoredb-event-store';
import { FixedClock } from '../support/fixtures';
import { ScriptedEsdbClient } from '../support/scripted-esdb-client';
import { describeEventStoreContract } from './event-store.contract';

/**
 * The shared contract on the EventStoreDB adapter over the in-memory stand-in for its client
 * (test/support/scripted-esdb-client.ts). This checks the adapter's own logic (intents,
 * read-back, chain, paging) against ESDB's rules as the stand-in models them; it is NOT a run
 * against an EventStoreDB server (see eventstoredb-event-store.contract.spec.ts for that).
 */
describeEventStoreContract('eventstoredb adapter on a scripted client (no server)', async () => {
  const clock = new FixedClock();
  const store = new EventStoreDbEventStore(new ScriptedEsdbClient().asClient(), { clock, pageSize: 7, resubscribeDelayMs: 10 });
  return { store, setClock: (iso) => clock.set(iso), dispose: () => store.close() };
});
