import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { AGENDA_ITEM_KINDS, DECISION_OUTCOMES, type AgendaItemKind, type DecisionOutcome } from '../../events/meeting.events';
import { PERSON_REF_SCHEMA, REF_SCHEMA } from '../shared/json-schema-fragments';
import { IsPersonRef, IsRef, type PersonRef } from '../shared/ref-validators';
import { Optional } from '../shared/optional';

export const ITEM_NUMBER_PATTERN = /^[0-9]{1,3}(\.[0-9]{1,3})*$/;
const ITEM_NUMBER_MESSAGE = 'must be an agenda item number such as "4" or "4.1"';

export class PresenterDto {
  @JSONSchema(PERSON_REF_SCHEMA) @IsPersonRef()
  person!: PersonRef;

  @JSONSchema({ description: 'The capacity printed beside the name, e.g. "analytiker Region Kalmar län".' })
  @Optional() @IsString() @Length(1, 300)
  as?: string;
}

/** One who must ratify: a party (slug, alias or id), or a named forum that is not a party. Exactly one of the two. */
export class RatifierDto {
  @JSONSchema(REF_SCHEMA) @Optional() @IsRef()
  party?: string;

  @JSONSchema({ description: 'A ratifier that is not a registered party, e.g. "Ledamöter inom skola".' })
  @Optional() @IsString() @Length(1, 200)
  name?: string;
}

export class ItemDecisionDto {
  @JSONSchema({ description: 'The decision as printed ("Beslut: …", "Länsgemensam ledning beslutar att …"). Required unless deferred.' })
  @Optional() @IsString() @Length(1, 10_000)
  text?: string;

  @IsIn(DECISION_OUTCOMES)
  outcome!: DecisionOutcome;

  @JSONSchema({ description: 'For a deferred decision: how it is to be taken, e.g. "beslutas via mejl".' })
  @Optional() @IsString() @Length(1, 200)
  procedure?: string;

  @JSONSchema({ description: 'For a deferred decision: what is to be decided, e.g. "handlingsplanen för samordnande grupp äldre".' })
  @Optional() @IsString() @Length(1, 500)
  subject?: string;

  @JSONSchema({ description: 'For a decision that needs ratification: every party that must ratify.' })
  @Optional() @IsArray() @ArrayMaxSize(100) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => RatifierDto)
  ratifiers?: RatifierDto[];
}

/** An agenda item as numbered in the protocol. */
export class AgendaItemDto {
  @JSONSchema({ type: 'string', pattern: ITEM_NUMBER_PATTERN.source, description: '"4", or "4.1" for the first point under item 4' })
  @Matches(ITEM_NUMBER_PATTERN, { message: `number ${ITEM_NUMBER_MESSAGE}` })
  number!: string;

  @IsIn(AGENDA_ITEM_KINDS)
  kind!: AgendaItemKind;

  @IsString() @Length(1, 500)
  title!: string;

  @Optional() @IsArray() @ArrayMaxSize(50) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => PresenterDto)
  presenters?: PresenterDto[];

  @JSONSchema({ description: 'The item text, condensed faithfully as printed; paragraphs separated by a blank line.' })
  @Optional() @IsString() @MaxLength(20_000)
  text?: string;

  @JSONSchema({ description: 'Text the protocol prints after the decision, e.g. a "Notering" about "ovan beslut"; same form as text.' })
  @Optional() @IsString() @MaxLength(20_000)
  afterDecision?: string;

  @JSONSchema({ description: 'Required for kind "decision", not allowed for "information".' })
  @Optional() @IsObject() @ValidateNested() @Type(() => ItemDecisionDto)
  decision?: ItemDecisionDto;
}
