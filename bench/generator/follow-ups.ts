import { slugify } from '../../src/domain/slug';
import type { GenerationContext, Meeting } from './history-kind';
import { Prng } from './prng';
import type { BodySim } from './world';

/** A named ratifier as the Kalmar protocol of 2025-05-16 names one beside the municipalities. */
const NAMED_RATIFIER = 'Ledamöter inom skola';
const FORUMS = ['kommunfullmäktige', 'kommunstyrelsen', 'regionstyrelsen', 'socialchefsnätverket', 'skolchefsnätverksmöte'];

/** What a meeting left to be done later: a ratification by one party, or the decision it deferred. */
export type PendingFollowUp =
  | { readonly kind: 'ratification'; readonly meeting: string; readonly since: string; readonly item: string; readonly ratifier: string }
  | { readonly kind: 'deferred'; readonly meeting: string; readonly since: string; readonly item: string; readonly title: string };

/**
 * The items of a meeting that are decided in steps, as in the Kalmar protocols: a joint
 * document every party must ratify in its own forum (outcome `needs-ratification`, the
 * county's parties and now and then a named ratifier), and a decision the meeting defers to
 * e-mail ("beslutas via mejl"). Numbered after the topics. Their follow-ups wait in
 * `body.followUps` for the body's next meetings (`dueFollowUps`), as a clerk records a
 * ratification once the party reports it, not on the day of the meeting.
 *
 * Draws from a random stream of its own, seeded by the meeting, so adding these items left
 * every other kind's draws as they were: the rest of the history is the same, but for the
 * command ids (a counter), and so the event ids that corrections name.
 */
export function stepwiseItems(body: BodySim, meeting: Meeting, firstNumber: number): Record<string, unknown>[] {
  if (meeting.slug === null) return [];
  const rng = meetingRng(meeting.slug, 'items');
  const items: Record<string, unknown>[] = [];
  let number = firstNumber;
  if (rng.chance(0.25) && body.countyParties.length > 0) {
    const item = String(number++);
    const parties = body.countyParties.filter(() => rng.chance(0.7));
    if (parties.length === 0) parties.push(body.partySlug);
    const named = rng.chance(0.5);
    items.push({
      number: item,
      kind: 'decision',
      title: `Gemensam plan för samverkan ${meeting.year}`,
      text: `Förslaget har varit ute på remiss hos länets parter och justerats utifrån inkomna synpunkter.`,
      decision: {
        text: `Ledningsgruppen beslutar att stå bakom planen i den fortsatta processen, under förutsättning att varje part ställer sig bakom den.`,
        outcome: 'needs-ratification',
        ratifiers: [...(named ? [{ name: NAMED_RATIFIER }] : []), ...parties.map((party) => ({ party }))],
      },
    });
    // Not every party reports back; those that do wait for a later meeting.
    for (const ratifier of [...(named ? [slugify(NAMED_RATIFIER)] : []), ...parties]) {
      if (rng.chance(0.8)) body.followUps.push({ kind: 'ratification', meeting: meeting.slug, since: meeting.day, item, ratifier });
    }
  }
  if (rng.chance(0.2)) {
    const item = String(number++);
    const title = `Yttrande över remiss ${rng.between(1, 60)}/${meeting.year}`;
    items.push({ number: item, kind: 'decision', title, decision: { outcome: 'deferred', procedure: 'beslutas via mejl', subject: title } });
    if (rng.chance(0.85)) body.followUps.push({ kind: 'deferred', meeting: meeting.slug, since: meeting.day, item, title });
  }
  return items;
}

/**
 * Records, at a later meeting of the body, what earlier meetings left to be done: each
 * ratification or deferred decision dated between its meeting and this one, half of them
 * at the first meeting after, the rest at the one after that or later.
 */
export function dueFollowUps(body: BodySim, meeting: Meeting, ctx: GenerationContext): void {
  if (meeting.slug === null || body.followUps.length === 0) return;
  const rng = meetingRng(meeting.slug, 'follow-ups');
  const waiting: PendingFollowUp[] = [];
  for (const pending of body.followUps) {
    if (pending.since >= meeting.day || rng.chance(0.5)) {
      waiting.push(pending);
      continue;
    }
    const on = dayBetween(pending.since, meeting.day, rng);
    if (pending.kind === 'ratification') {
      ctx.emit('RecordRatification', { meeting: pending.meeting, item: pending.item, ratifier: pending.ratifier, ratifiedOn: on, forum: rng.pick(FORUMS) });
    } else {
      ctx.emit('RecordDeferredDecision', {
        meeting: pending.meeting,
        item: pending.item,
        decidedOn: on,
        procedure: 'per capsulam (mejl)',
        text: `Ledningsgruppen beslutar via mejl att lämna yttrande i ärendet ${pending.title.toLowerCase()} i enlighet med förslaget.`,
      });
    }
  }
  body.followUps = waiting;
}

/**
 * Now and then (p 0.15) the clerk corrects the welcome item before sign-off: an
 * `AmendAgendaItem` of item 1 with the same number and a longer text.
 */
export function amendWelcome(meeting: Meeting, welcome: Record<string, unknown>, ctx: GenerationContext): void {
  if (meeting.slug === null || !meetingRng(meeting.slug, 'amend').chance(0.15)) return;
  ctx.emit('AmendAgendaItem', { meeting: meeting.slug, item: { ...welcome, text: `${String(welcome.text)} Dagordningen godkändes.` } });
}

/** A day after `from` and before `until` ("YYYY-MM-DD"), or `from` when there is none between. */
function dayBetween(from: string, until: string, rng: Prng): string {
  const lo = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${until}T00:00:00Z`) - lo) / 86_400_000);
  if (days < 2) return from;
  return new Date(lo + rng.between(1, days - 1) * 86_400_000).toISOString().slice(0, 10);
}

/** A generator of its own for one meeting and purpose (FNV-1a of both): the main stream is not drawn from. */
function meetingRng(slug: string, purpose: string): Prng {
  let h = 0x811c9dc5;
  for (const ch of `${slug}|${purpose}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return new Prng(h >>> 0);
}
