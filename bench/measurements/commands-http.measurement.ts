import Database from 'better-sqlite3';
import { TokenStore } from '../../src/access/token-store';
import { Prng } from '../generator/prng';
import { personName } from '../generator/names';
import { runLoad } from '../support/load';
import { imported, type Measurement } from './measurement';

/**
 * Single commands over HTTP (POST /commands, one command per request) against the real
 * server: alternately a new person appointed to a group (two events) and a new title for a
 * known person (one event), each with its own commandId. It appends to the log, so it runs last.
 */
export const commandsHttpMeasurement: Measurement = {
  name: 'commands-http',
  async run(ctx) {
    const history = imported(ctx);
    const db = new Database(ctx.dbPath, { readonly: true });
    const groups = db.prepare<[], { slug: string }>('SELECT slug FROM rm_groups ORDER BY slug').all().map((r) => r.slug);
    const people = db.prepare<[], { slug: string }>('SELECT slug FROM rm_persons ORDER BY rowid LIMIT 5000').all().map((r) => r.slug);
    const parties = db.prepare<[], { slug: string }>('SELECT slug FROM rm_parties ORDER BY slug').all().map((r) => r.slug);
    db.close();
    // Writes need a clerk's token, made the way an admin would (the CLI's `token create`).
    const tokens = new Database(ctx.dbPath);
    const { token } = new TokenStore(tokens).create('clerk', `bench ${Date.now()}`);
    tokens.close();
    const rng = new Prng(ctx.options.seed ^ 0xc0de);
    const day = history.world.lastDay;
    let n = 0;
    const next = () => {
      const k = n++;
      const metadata = { commandId: `bench-http-${ctx.options.seed}-${k}`, decidedOn: day, source: { document: `Protokoll HTTP ${day}`, item: String(k + 1) } };
      const command =
        k % 2 === 0
          ? { type: 'AppointMember', data: { group: rng.pick(groups), person: { name: personName(history.world.peopleCreated + k, history.world.seed) }, effectiveFrom: day }, metadata }
          : { type: 'RecordAffiliation', data: { person: rng.pick(people), organisation: rng.pick(parties), title: 'utvecklingsledare', effectiveFrom: day }, metadata };
      return { method: 'POST' as const, path: '/commands', body: JSON.stringify(command) };
    };
    const { url } = await ctx.server();
    const load = { url, seconds: ctx.options.httpSeconds, amount: ctx.options.httpRequests, next, authorization: `Bearer ${token}` };
    const single = await runLoad({ ...load, connections: 1 });
    const eight = await runLoad({ ...load, connections: 8 });
    const note = `${single.responses} commands on 1 connection`;
    return [
      { name: 'commands-http-p50', value: single.p50, unit: 'ms', note },
      { name: 'commands-http-p99', value: single.p99, unit: 'ms', note },
      { name: 'commands-http-throughput', value: eight.perSecond, unit: 'commands/s', note: `8 connections; p99 ${eight.p99.toFixed(1)} ms` },
    ];
  },
};
