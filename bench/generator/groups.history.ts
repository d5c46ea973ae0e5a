import { AREAS } from './names';
import { pad } from './dates';
import type { GenerationContext, HistoryKind, Topic } from './history-kind';
import type { BodySim, GroupSim } from './world';
import { slugify } from '../../src/domain/slug';

const SUB_GROUP_KINDS = [
  { kind: 'coordinating-group', label: 'Samordnande grupp' },
  { kind: 'steering-group', label: 'Styrgrupp' },
  { kind: 'process-group', label: 'Processgrupp' },
  { kind: 'working-group', label: 'Arbetsgrupp' },
  { kind: 'network', label: 'Nätverk' },
] as const;

/**
 * A body's groups: at go-live its leadership and 12–26 groups under it, founded on dates
 * the sources often do not give ("unknown", a year); later about one new group every
 * three years, founded at a meeting by a decision of its own.
 */
export const groupsHistory: HistoryKind = {
  name: 'groups',
  goLive(body, _meeting, ctx) {
    const leadership = establish(body, ctx, 'leadership', `Ledningsgrupp ${body.place}`, foundingDate(ctx), null);
    const count = ctx.rng.between(12, 26);
    for (let i = 0; i < count; i++) {
      const { kind, label } = ctx.rng.pick(SUB_GROUP_KINDS);
      establish(body, ctx, kind, `${label} ${AREAS[i % AREAS.length]} ${body.place}${i >= AREAS.length ? ` ${i}` : ''}`, foundingDate(ctx), leadership);
    }
  },
  meeting(body, meeting, ctx) {
    if (!ctx.rng.chance(0.035)) return;
    const leadership = body.groups[0]!;
    const name = `Arbetsgrupp ${ctx.rng.pick(AREAS)} ${body.place} ${meeting.year}-${body.groupsEstablished}`;
    establish(body, ctx, 'working-group', name, { text: meeting.day, earliest: meeting.day }, leadership, {
      key: `group:${name}`,
      kind: 'decision',
      title: `Inrättande av ${name} - Beslut`,
      says: `Ledningsgruppen beslutar att inrätta ${name} under ${leadership.name} från ${meeting.day}.`,
    });
  },
};

function establish(body: BodySim, ctx: GenerationContext, kind: string, name: string, from: { text: string; earliest: string }, parent: GroupSim | null, topic?: Topic): GroupSim {
  const slug = slugify(name);
  ctx.emit('EstablishGroup', { name, slug, kind, ...(parent && { parent: parent.slug }), effectiveFrom: from.text }, topic);
  const group: GroupSim = { slug, name, body, establishedDay: from.earliest, targetSize: ctx.rng.between(5, 16), seats: [], left: new Map(), chairYear: 0, chair: null };
  body.groups.push(group);
  body.groupsEstablished += 1;
  ctx.world.groupsCreated += 1;
  return group;
}

/** As in the Kalmar protocols: founding dates are often unknown or only a year. */
function foundingDate(ctx: GenerationContext): { text: string; earliest: string } {
  const r = ctx.rng.next();
  if (r < 0.4) return { text: 'unknown', earliest: '0000-01-01' };
  const year = ctx.rng.between(2000, 2014);
  if (r < 0.7) return { text: String(year), earliest: `${year}-01-01` };
  const day = `${year}-${pad(ctx.rng.between(1, 12))}-${pad(ctx.rng.between(1, 28))}`;
  return { text: day, earliest: day };
}
