import { eventIdFor } from '../../src/domain/identity';
import { slugify } from '../../src/domain/slug';
import type { Emitted, GenerationContext, HistoryKind, Meeting } from './history-kind';
import { TITLES } from './names';
import { nameOf, type BodySim, type Correctable } from './world';

/** Per meeting, the chance of one correction: with about 45 events a meeting, about 0.5 % of the log. */
const CORRECTION_CHANCE = 0.24;

/**
 * Clerical corrections of the body's previous protocol (or of its go-live list), as the next
 * meeting finds them: a seat, chair term, affiliation or meeting detail recorded wrongly is
 * revoked (RevokeEvent) or corrected in place (CorrectEvent). Money is never corrected here.
 *
 * The target is named by event id. The ledger derives event ids from the command:
 * `eventIdFor(commandId, n)` for the command's n-th event, so the generator knows them
 * without reading the database, provided it knows where in its command the event comes:
 * AppointMember and ReplaceMember naming a new person register them first (PersonRegistered,
 * then MemberAppointed or MemberReplaced); RecordMeeting records the meeting, then one AgendaItemAdded per item
 * (its chair and presenters are known people, so nothing is registered in between); the
 * other commands corrected here append one event. The bench tests import the history and
 * require every correction accepted and aimed at the type intended.
 *
 * What is corrected must still be correctable: a seat is revoked only while it is held
 * unchanged (nothing later builds on it) and the world forgets it; an event is corrected
 * at most once; chair terms are revoked only before the next year's chairs are appointed.
 */
export const correctionsHistory: HistoryKind = {
  name: 'corrections',
  goLive(body, meeting, ctx) {
    body.correctable = correctable(body, meeting.day, ctx.protocol());
  },
  meeting(body, meeting, ctx) {
    if (ctx.rng.chance(CORRECTION_CHANCE)) correctOne(body, meeting, ctx);
    body.correctable = correctable(body, meeting.day, ctx.protocol());
  },
};

function correctOne(body: BodySim, meeting: Meeting, ctx: GenerationContext): void {
  const { rng } = ctx;
  for (let attempt = 0; attempt < 4 && body.correctable.length > 0; attempt++) {
    // The kind of event first, then one of its events: a protocol lists many more agenda items and titles than chair terms.
    const type = rng.pick([...new Set(body.correctable.map((c) => c.type))]);
    const target = rng.pick(body.correctable.filter((c) => c.type === type));
    const command = correction(body, target, meeting, ctx);
    if (!command) continue;
    body.correctable.splice(body.correctable.indexOf(target), 1);
    ctx.emit(command.type, command.data);
    return;
  }
}

type Correction = { type: 'RevokeEvent' | 'CorrectEvent'; data: Record<string, unknown> };

function correction(body: BodySim, target: Correctable, meeting: Meeting, ctx: GenerationContext): Correction | null {
  const { rng } = ctx;
  const revoke = (reason: string): Correction => ({ type: 'RevokeEvent', data: { event: target.eventId, reason } });
  const correct = (reason: string, data: Record<string, unknown>): Correction => ({ type: 'CorrectEvent', data: { event: target.eventId, reason, data } });
  switch (target.type) {
    case 'MemberAppointed': {
      const held = target.seat && target.seat.group.seats.includes(target.seat.seat);
      if (held && rng.chance(0.5)) {
        const { group, seat } = target.seat!;
        group.seats.splice(group.seats.indexOf(seat), 1);
        return revoke(`Felaktigt registrerad: ${nameOf(ctx.world, seat.person)} utsågs inte till ${group.name}.`);
      }
      return correct('Fel titel i protokollet.', { title: rng.pick(TITLES) });
    }
    case 'MemberReplaced':
      // Revoking a replacement would seat the outgoing member again; the terms of the incoming seat are corrected instead.
      return correct('Fel titel för den nya ledamoten.', { title: rng.pick(TITLES) });
    case 'ChairAppointed':
      if (target.data.role === 'vice-chair' && !meeting.firstOfYear) return revoke('Vice ordförande utsågs inte vid detta möte.');
      return correct('Uppdraget gäller från beslutsdagen, inte från årsskiftet.', { effectiveFrom: target.decidedOn });
    case 'AffiliationRecorded':
      if (rng.chance(0.5)) return revoke('Uppgiften gällde en annan person.');
      return correct('Fel titel angavs.', { title: rng.pick(TITLES) });
    case 'MeetingRecorded':
      return correct('Fel mötesplats i protokollet.', { place: `Sammanträdesrummet, ${body.place}` });
    case 'AgendaItemAdded':
      return correct('Rubriken var felstavad.', { title: String(target.data.title).replace(' - ', ' – ') });
    case 'AttendanceRecorded': {
      // "(tf.)" was left out for one member: the list is given whole, as RecordAttendance takes it.
      const present = (target.data.present as { acting?: boolean }[]).map((p) => ({ ...p }));
      const one = rng.pick(present);
      one.acting = !one.acting;
      return correct('Tjänstgörande ersättare angavs fel.', { present });
    }
  }
}

/** What the protocol just written recorded that a later correction may target, with each event's id. */
function correctable(body: BodySim, decidedOn: string, protocol: readonly Emitted[]): Correctable[] {
  const found: Correctable[] = [];
  const add = (command: Emitted, index: number, type: Correctable['type'], data: Record<string, unknown>, seat?: Correctable['seat']) =>
    found.push({ eventId: eventIdFor(command.commandId, index), type, data, decidedOn, ...(seat && { seat }) });
  for (const command of protocol) {
    const { data } = command;
    switch (command.type) {
      case 'AppointMember': {
        const ref = data.person as string | { name: string };
        const person = typeof ref === 'string' ? ref : slugify(ref.name);
        const group = body.groups.find((g) => g.slug === data.group);
        const seat = group?.seats.find((s) => s.person === person);
        add(command, typeof ref === 'string' ? 0 : 1, 'MemberAppointed', data, group && seat ? { group, seat } : undefined);
        break;
      }
      case 'ReplaceMember':
        add(command, typeof data.incoming === 'string' ? 0 : 1, 'MemberReplaced', data);
        break;
      case 'AppointChair':
        add(command, 0, 'ChairAppointed', data);
        break;
      case 'RecordAffiliation':
        add(command, 0, 'AffiliationRecorded', data);
        break;
      case 'RecordMeeting':
        add(command, 0, 'MeetingRecorded', data);
        (data.items as Record<string, unknown>[]).forEach((item, i) => add(command, i + 1, 'AgendaItemAdded', item));
        break;
      case 'RecordAttendance':
        add(command, 0, 'AttendanceRecorded', data);
        break;
    }
  }
  return found;
}
