import { pad } from './dates';
import type { AgendaEntry, HistoryKind } from './history-kind';
import type { Prng } from './prng';
import { amendWelcome, dueFollowUps, stepwiseItems } from './follow-ups';
import { TOPICS_UNDER } from './protocol-session';
import type { BodySim, Seat } from './world';

/** A decision's text may hold 10 000 characters, an item's 20 000; a long list of changes is cut short, as a protocol would refer to an annex. */
const MAX_DECISION = 9_000;

const PLACES = ['Regionens hus', 'Kommunhuset', 'Stadshuset', 'Folkets hus', 'Hotell Munken', 'Teams'];

/**
 * The protocol of every meeting of the body's leadership: the meeting with its agenda —
 * the fixed opening items (as the Kalmar protocols open) and one item per topic the other
 * kinds decided under — recorded ahead of the decisions that cite it; then who was present
 * (the leadership's members seated before the meeting, some acting), then the sign-off
 * (justering) a day or two later by the chair and one other member. Runs after every kind
 * that opens topics; the decisions live in other streams, so the sign-off locks none of them.
 */
export const meetingsHistory: HistoryKind = {
  name: 'meetings',
  meeting(body, meeting, ctx) {
    const leadership = body.groups[0];
    if (!leadership || meeting.slug === null) return;
    const { rng } = ctx;
    dueFollowUps(body, meeting, ctx);
    // New members join from the next meeting: only those seated before this one are present.
    const seated = leadership.seats.filter((s) => s.sinceDay < meeting.day);
    const present = seated.filter(() => rng.chance(0.85));
    if (present.length === 0 && seated.length > 0) present.push(seated[0]!);
    const chair = present.find((s) => s.person === leadership.chair) ?? present[0];

    // Drawn in the order they always were, so the rest of the history stays as it was.
    const place = `${rng.pick(PLACES)}, ${body.place}`;
    const form = rng.chance(0.2) ? 'digital' : 'in-person';
    const registryNumber = `${body.kind === 'region' ? 'RS' : 'KS'} ${meeting.year}/${rng.between(1, 400)}`;
    const items = agenda(body, ctx.agenda(), present, rng);
    ctx.recordMeeting({
      body: leadership.slug,
      date: meeting.day,
      place,
      form,
      registryNumber,
      ...(chair && { chair: chair.person }),
      title: meeting.document,
      items: [...items, ...stepwiseItems(body, meeting, ctx.agenda().length > 0 ? Number(TOPICS_UNDER) + 1 : items.length + 1)],
    });
    if (present.length > 0) {
      ctx.emit('RecordAttendance', {
        meeting: meeting.slug,
        present: present.map((s) => ({ person: s.person, ...(rng.chance(0.05) && { acting: true }), for: rng.chance(0.9) ? body.partySlug : rng.pick(body.countyParties) })),
      });
    }
    amendWelcome(meeting, items[0]!, ctx);
    const signer = present.find((s) => s !== chair);
    ctx.emit('SignOffMeeting', { meeting: meeting.slug, signedOn: signedOn(meeting.day, rng.between(0, 2)), signers: [chair, signer].filter((s): s is Seat => s !== undefined).map((s) => s.person) });
  },
};

function agenda(body: BodySim, topics: readonly AgendaEntry[], present: readonly Seat[], rng: Prng) {
  const opening = [
    { number: '1', kind: 'information', title: 'Välkomna', text: `Ordföranden hälsade ledamöterna i ${body.groups[0]!.name} välkomna till dagens möte.` },
    { number: '2', kind: 'decision', title: 'Föregående mötesprotokoll', decision: { text: 'Inga tillägg och protokollet lades till handlingarna.', outcome: 'decided' } },
  ];
  if (topics.length === 0) return opening;
  return [
    ...opening,
    { number: TOPICS_UNDER, kind: 'information', title: 'Beslut- och informationspunkter' },
    ...topics.map((t) => {
      const text = cut(t.sentences.join(' '));
      // Information items are often presented by a member, named by slug: presenting registers nobody new.
      const presenter = t.kind === 'information' && present.length > 0 && rng.chance(0.5) ? [{ person: rng.pick(present).person, as: `ledamot ${body.place}` }] : undefined;
      return t.kind === 'decision'
        ? { number: t.number, kind: t.kind, title: t.title, decision: { text, outcome: 'decided' } }
        : { number: t.number, kind: t.kind, title: t.title, text, ...(presenter && { presenters: presenter }) };
    }),
  ];
}

const cut = (text: string) => (text.length <= MAX_DECISION ? text : `${text.slice(0, MAX_DECISION)} … (förteckningen i sin helhet i bilaga)`);

/** Justering the same day or a day or two after the meeting. */
function signedOn(day: string, after: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + after);
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
}
