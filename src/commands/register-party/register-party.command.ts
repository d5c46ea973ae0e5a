import { ArrayMaxSize, IsArray, IsIn, IsString, Length, Matches } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { idFromSlug, streamOf } from '../../domain/identity';
import { RuleViolation } from '../../domain/ledger-errors';
import { SLUG_PATTERN, slugify } from '../../domain/slug';
import { PARTY_KINDS, type PartyKind } from '../../events/party.events';
import { foldParty } from '../party/party.state';
import { defineCommand } from '../shared/command-definition';
import { registerParty } from './register-party.decide';
import { Optional } from '../shared/optional';

export class RegisterPartyDto {
  @IsString() @Length(1, 200)
  name!: string;

  @Optional() @Matches(SLUG_PATTERN, { message: 'slug must be lower-case letters and digits joined by "-"' }) @Length(1, 200)
  slug?: string;

  @IsIn(PARTY_KINDS)
  kind!: PartyKind;

  @JSONSchema({ description: 'Other spellings the sources use, e.g. "Oskarhamns kommun"; stored as slugs.' })
  @Optional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 200, { each: true })
  aliases?: string[];
}

const slugOf = (dto: RegisterPartyDto) => dto.slug ?? slugify(dto.name);

export const registerPartyCommand = defineCommand({
  type: 'RegisterParty',
  // Parties are reference data both clerks and finance need (a party that invoices, a party that is represented).
  roles: ['clerk', 'finance'],
  summary: 'Register a party (huvudman) or other organisation: a municipality, the region, KFKL, an authority.',
  dto: RegisterPartyDto,
  targetStream: async (dto) => streamOf('party', idFromSlug('party', slugOf(dto))),
  async execute(dto, ctx) {
    const slug = slugOf(dto);
    if (slug === '') throw new RuleViolation('name-needs-letters', 'The name gives no slug', [{ field: 'data.name', message: 'has no letters or digits' }]);
    const partyId = idFromSlug('party', slug);
    const stream = streamOf('party', partyId);
    const aliases = (dto.aliases ?? []).map(slugify).filter((a) => a !== '');
    const events = registerParty({ type: 'RegisterParty', data: { partyId, slug, name: dto.name.trim(), kind: dto.kind, aliases } }, foldParty(await ctx.streamEvents(stream)));
    await ctx.emit(stream, events, null);
  },
});
