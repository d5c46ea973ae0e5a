import { parseEffectiveDate, type EffectiveDate } from '../../src/domain/effective-date';
import { RuleViolation } from '../../src/domain/ledger-errors';
import type { NewEventMetadata } from '../../src/events/event-envelope';
import type { DomainEvent, LedgerNewEvent } from '../../src/events/ledger-event';

/**
 * A tiny Emmett-style harness for the deciders:
 *
 *   spec.given(at('2025-01-01', established), at('2025-02-01', appointed))
 *       .when(command)
 *       .then([expectedEvent]);           // or .thenThrows('no-double-seat', 'data.person')
 *
 * `given` wraps each domain event in an envelope (ids `evt-1`, `evt-2`, … in order, so a
 * membership started by the second given event has the id `evt-2`), with its valid time
 * in metadata.effectiveFrom, and folds them with the decider's `evolve`.
 */
export interface Decider<Command, Event extends DomainEvent, State, Envelope extends LedgerNewEvent> {
  decide(command: Command, state: State): readonly Event[];
  evolve(state: State, event: Envelope): State;
  initialState(): State;
}

/** The `{ type, data }` part of an envelope the decider's evolve reads. */
export type DomainEventOf<Envelope> = Envelope extends { type: infer T; data: infer D } ? { readonly type: T; readonly data: D } : never;

/** A domain event with the valid time it took effect (null: a fact without one). */
export interface Dated<E> {
  readonly effectiveFrom: EffectiveDate | null;
  readonly event: E;
}

/** Parses "YYYY-MM-DD", "YYYY-MM", "YYYY" or "unknown"; throws on anything else so a typo cannot pass silently. */
export function date(text: string): EffectiveDate {
  const parsed = parseEffectiveDate(text);
  if (!parsed) throw new Error(`test bug: "${text}" is not an effective date`);
  return parsed;
}

/** `at('2025-02-28', event)`: the event took effect on that date. `at(null, event)`: no valid time. */
export function at<E>(effectiveFrom: string | null, event: E): Dated<E> {
  return { effectiveFrom: effectiveFrom === null ? null : date(effectiveFrom), event };
}

/** The envelope `given` builds for the n-th (1-based) given event. */
export function envelope<E extends DomainEvent>(n: number, dated: Dated<E>): LedgerNewEvent {
  const metadata: NewEventMetadata = {
    commandId: `cmd-${n}`,
    commandType: 'Given',
    correlationId: `cmd-${n}`,
    causationId: `cmd-${n}`,
    actor: 'test',
    source: null,
    decidedOn: null,
    effectiveFrom: dated.effectiveFrom,
  };
  return { id: `evt-${n}`, type: dated.event.type, schemaVersion: 1, data: dated.event.data, metadata } as LedgerNewEvent;
}

export interface Given<Command, Event, State> {
  /** The state folded from the given events. */
  readonly state: State;
  when(command: Command): Then<Event>;
}

export interface Then<Event> {
  /** The decided events, deep and strictly equal to `expected` (order matters). */
  then(expected: readonly Event[]): void;
  /** Deciding throws a RuleViolation naming `rule`; with `field`, one of its problems names that field. */
  thenThrows(rule: string, field?: string): RuleViolation;
}

export function deciderSpec<Command, Event extends DomainEvent, State, Envelope extends LedgerNewEvent>(decider: Decider<Command, Event, State, Envelope>) {
  return {
    given(...events: readonly (Dated<DomainEventOf<Envelope>> | DomainEventOf<Envelope>)[]): Given<Command, Event, State> {
      const state = events.reduce<State>((s, e, i) => {
        const dated = isDated(e) ? e : { effectiveFrom: null, event: e };
        return decider.evolve(s, envelope(i + 1, dated as Dated<DomainEvent>) as Envelope);
      }, decider.initialState());
      return {
        state,
        when: (command) => ({
          then(expected) {
            const decided = decider.decide(command, state);
            expect(decided).toStrictEqual(expected);
          },
          thenThrows(rule, field) {
            let thrown: unknown;
            let decided: readonly Event[] | undefined;
            try {
              decided = decider.decide(command, state);
            } catch (error) {
              thrown = error;
            }
            if (decided !== undefined) throw new Error(`expected a RuleViolation "${rule}" but the decider decided ${JSON.stringify(decided)}`);
            expect(thrown).toBeInstanceOf(RuleViolation);
            const violation = thrown as RuleViolation;
            expect({ rule: violation.rule, message: violation.message }).toEqual({ rule, message: expect.any(String) });
            if (field !== undefined) expect(violation.problems.map((p) => p.field)).toContain(field);
            return violation;
          },
        }),
      };
    },
  };
}

function isDated<E>(value: Dated<E> | E): value is Dated<E> {
  return typeof value === 'object' && value !== null && 'event' in value && 'effectiveFrom' in value;
}
