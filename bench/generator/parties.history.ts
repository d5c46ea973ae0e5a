import type { HistoryKind } from './history-kind';
import { slugify } from '../../src/domain/slug';

/**
 * Every body's own party (a municipality or a region) and, with the first body of each
 * county, the county's municipal association. Aliases are the spellings protocols use.
 */
export const partiesHistory: HistoryKind = {
  name: 'parties',
  goLive(body, _meeting, ctx) {
    if (body.countyParties.length === 0) {
      const name = `Kommunförbundet ${body.place} län`;
      ctx.emit('RegisterParty', { name, kind: 'association', aliases: [`KF ${body.place}`] });
      body.countyParties.push(slugify(name));
    }
    const name = body.kind === 'region' ? `Region ${body.place}` : `${body.place} kommun`;
    const alias = body.kind === 'region' ? `${body.place} läns landsting` : `${body.place}s kommun`;
    ctx.emit('RegisterParty', { name, slug: body.partySlug, kind: body.kind, aliases: [alias] });
    body.countyParties.push(body.partySlug);
  },
};
