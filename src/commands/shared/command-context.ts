import type { StreamFolder } from './state-cache';
import type { BasisClaim } from '../../domain/basis';
import { parseEffectiveDate, type EffectiveDate } from '../../domain/effective-date';
import { eventIdFor, idFromSlug, isUuid, streamOf, type EntityKind } from '../../domain/identity';
import { RuleViolation } from '../../domain/ledger-errors';
import { slugify } from '../../domain/slug';
import type { DecisionRef, NewEventMetadata, SourceRef } from '../../events/event-envelope';
import { SCHEMA_VERSIONS, type DomainEvent } from '../../events/ledger-event';
import { groupFolder, type GroupState } from '../group/group.state';
import { foldParty } from '../party/party.state';
import { foldPerson } from '../person/person.state';
import { registerPerson } from '../person/register-person.decide';
import { NO_EVENT_LOCATOR, type EventLocator } from './event-locator';
import type { PersonRef } from './ref-validators';
import type { UnitOfWork } from './unit-of-work';

/** Finds the canonical slug for another spelling; backed by the directory read models. */
export interface AliasLookup {
  canonicalSlug(kind: EntityKind, alias: string): string | null;
}

export interface CommandMeta {
  readonly commandId: string;
  readonly commandType: string;
  readonly correlationId: string;
  readonly actor: string;
  readonly source: SourceRef | null;
  readonly decidedOn: string | null;
  readonly decision: DecisionRef | null;
  readonly basis?: BasisClaim;
  readonly fieldBasis?: Readonly<Record<string, BasisClaim>>;
}

export interface LoadedGroup {
  readonly id: string;
  readonly stream: string;
  readonly state: GroupState;
}

export interface ResolvedPerson {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
}

/**
 * What a command's handler may do: resolve references (slug, id or alias), read the
 * state of a stream, and stage events. It never appends; the writer commits the batch.
 */
export class CommandContext {
  private eventIndex = 0;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly meta: CommandMeta,
    private readonly aliases: AliasLookup,
    private readonly locator: EventLocator = NO_EVENT_LOCATOR,
  ) {}

  /** The decision this command cites (metadata.decision), if any. */
  get decision(): DecisionRef | null {
    return this.meta.decision;
  }

  /** An event by id, staged earlier in this batch or stored, with the stream it is in; null when unknown. */
  async findEvent(eventId: string): Promise<{ stream: string; events: Awaited<ReturnType<UnitOfWork['events']>> } | null> {
    const stream = this.uow.stagedStreamOf(eventId) ?? this.locator.locate(eventId)?.stream ?? null;
    if (stream === null) return null;
    const events = await this.uow.events(stream);
    return events.some((e) => e.id === eventId) ? { stream, events } : null;
  }

  /** Where a new group with this slug would live. */
  groupStreamFor(slug: string): { id: string; stream: string } {
    const id = idFromSlug('group', slug);
    return { id, stream: streamOf('group', id) };
  }

  /** The group's state, established or not. */
  async groupState(ref: string): Promise<LoadedGroup> {
    const id = this.idOf('group', ref);
    const stream = streamOf('group', id);
    return { id, stream, state: await this.uow.state(stream, groupFolder) };
  }

  /** An established group; a RuleViolation naming `field` otherwise. */
  async group(ref: string, field: string): Promise<LoadedGroup> {
    const loaded = await this.groupState(ref);
    if (loaded.state.status !== 'established') throw unknown('group', ref, field);
    return loaded;
  }

  /** A person by slug or id (must exist), or by `{ name }`: the person with that slug, registered if new and allowed. */
  async person(ref: PersonRef, field: string, options: { registerIfNew: boolean }): Promise<ResolvedPerson> {
    if (typeof ref === 'string') {
      const id = this.idOf('person', ref);
      const state = foldPerson(await this.uow.events(streamOf('person', id)));
      if (state.status !== 'registered') throw unknown('person', ref, field);
      return state;
    }
    const slug = ref.slug ?? slugify(ref.name);
    if (slug === '') throw new RuleViolation('name-needs-letters', 'A name must give a slug', [{ field: `${field}.name`, message: 'has no letters or digits to form a slug' }]);
    const canonical = ref.slug === undefined ? (this.aliases.canonicalSlug('person', slug) ?? slug) : slug;
    const id = idFromSlug('person', canonical);
    const stream = streamOf('person', id);
    const state = foldPerson(await this.uow.events(stream));
    if (state.status === 'registered') return state;
    if (!options.registerIfNew) throw unknown('person', ref.name, field);
    const data = { personId: id, slug: canonical, name: ref.name.trim() };
    await this.emit(stream, registerPerson(data, state, field), null);
    return { id, slug: canonical, name: data.name };
  }

  async personStream(ref: PersonRef, field: string): Promise<{ stream: string; events: Awaited<ReturnType<UnitOfWork['events']>> }> {
    const person = await this.person(ref, field, { registerIfNew: true });
    const stream = streamOf('person', person.id);
    return { stream, events: await this.uow.events(stream) };
  }

  /** A party by slug, alias or id; null when no party is given. */
  async party(ref: string | undefined, field: string): Promise<string | null> {
    if (ref === undefined) return null;
    const id = this.idOf('party', ref);
    if (foldParty(await this.uow.events(streamOf('party', id))).status === 'registered') return id;
    const canonical = isUuid(ref) ? null : (this.aliases.canonicalSlug('party', ref) ?? this.stagedPartyAlias(ref));
    if (canonical !== null) {
      const aliasId = idFromSlug('party', canonical);
      if (foldParty(await this.uow.events(streamOf('party', aliasId))).status === 'registered') return aliasId;
    }
    throw unknown('party', ref, field);
  }

  /** An alias of a party registered earlier in this same batch (not yet in the read models). */
  private stagedPartyAlias(alias: string): string | null {
    const registered = this.uow.staged().find((e) => e.type === 'PartyRegistered' && e.data.aliases.includes(alias));
    return registered?.type === 'PartyRegistered' ? registered.data.slug : null;
  }

  async streamEvents(stream: string) {
    return this.uow.events(stream);
  }

  /** The stream's state as `folder` folds it, staged events included (reused from the writer's cache where it can be). */
  async streamState<S>(stream: string, folder: StreamFolder<S>): Promise<S> {
    return this.uow.state(stream, folder);
  }

  async streamVersion(stream: string): Promise<number> {
    return this.uow.version(stream);
  }

  /** Wraps domain events in envelopes (ids derived from the commandId) and stages them. */
  async emit(stream: string, events: readonly DomainEvent[], effectiveFrom: EffectiveDate | null): Promise<void> {
    const metadata: NewEventMetadata = {
      commandId: this.meta.commandId,
      commandType: this.meta.commandType,
      correlationId: this.meta.correlationId,
      causationId: this.meta.commandId,
      actor: this.meta.actor,
      source: this.meta.source,
      decidedOn: this.meta.decidedOn,
      decision: this.meta.decision,
      ...(this.meta.basis && { basis: this.meta.basis }),
      ...(this.meta.fieldBasis && { fieldBasis: this.meta.fieldBasis }),
      effectiveFrom,
    };
    await this.uow.stage(
      stream,
      events.map((e) => ({ id: eventIdFor(this.meta.commandId, this.eventIndex++), type: e.type, schemaVersion: SCHEMA_VERSIONS[e.type], data: e.data, metadata })),
    );
  }

  private idOf(kind: EntityKind, ref: string): string {
    if (isUuid(ref)) return ref;
    return idFromSlug(kind, this.aliases.canonicalSlug(kind, ref) ?? ref);
  }
}

/** Parses a date the DTO has already validated. */
export function effectiveDate(text: string): EffectiveDate {
  const parsed = parseEffectiveDate(text);
  if (!parsed) throw new Error(`unvalidated date ${text}`);
  return parsed;
}

function unknown(kind: string, ref: string, field: string): RuleViolation {
  return new RuleViolation(`${kind}-must-exist`, `No ${kind} "${ref}" is known to the ledger`, [{ field, message: `unknown ${kind}` }]);
}
