import { connectEventStoreDb } from '../../src/event-store/eventstoredb/eventstoredb-event-store';
import { FixedClock } from '../support/fixtures';
import { describeEventStoreContract } from './event-store.contract';

/**
 * The same contract as SQLite, against a real EventStoreDB. Runs only when a server is
 * given, e.g. `docker compose up -d eventstoredb` and then
 * EVENTSTORE_CONNECTION_STRING='esdb://localhost:2113?tls=false' npx jest test/event-store
 * Otherwise Jest reports the suite as skipped.
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
const describeIfServer = connectionString ? describe : describe.skip;

describeEventStoreContract(
  'eventstoredb',
  async () => {
    const clock = new FixedClock();
    const store = connectEventStoreDb(connectionString ?? '', clock);
    return {
      store,
      setClock: (iso) => clock.set(iso),
      dispose: () => store.close(),
    };
  },
  describeIfServer,
);
