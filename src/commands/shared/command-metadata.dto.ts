import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsCalendarDay } from './ref-validators';
import { Optional } from './optional';

export const COMMAND_ID_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;

export class SourceDto {
  @Optional() @IsString() @MaxLength(500) document?: string;
  @Optional() @IsString() @MaxLength(50) item?: string;
  @Optional() @IsString() @MaxLength(100) registryNumber?: string;
  @Optional() @IsString() @MaxLength(1000) url?: string;
  @Optional() @IsString() @MaxLength(2000) note?: string;
}

/** Cites the decision behind a command: a meeting (slug or id) and its agenda item. */
export class DecisionRefDto {
  @JSONSchema({ description: 'The meeting, by slug (e.g. "lansgemensam-ledning-i-samverkan-2025-02-28") or id.' })
  @IsString()
  @MaxLength(200)
  meeting!: string;

  @JSONSchema({ description: 'The agenda item as numbered in the protocol: "4", or "4.1" for the first point under item 4.' })
  @Matches(/^[0-9]{1,3}(\.[0-9]{1,3})*$/, { message: 'item must be an agenda item number such as "4" or "4.1"' })
  item!: string;
}

/** What a command says about its basis: a source states it, or it is inferred (and why). */
export class BasisClaimDto {
  @JSONSchema({ description: '"stated": a source says it; "inferred": concluded, with the reasoning (or the source\'s note).' })
  @IsIn(['stated', 'inferred'])
  kind!: 'stated' | 'inferred';

  @JSONSchema({ description: "The source's words (stated)." })
  @Optional() @IsString() @MaxLength(2000) quote?: string;

  @JSONSchema({ description: 'Why it is concluded (inferred); `source.note` when absent.' })
  @Optional() @IsString() @MaxLength(4000) reasoning?: string;

  @JSONSchema({ description: 'The item that states it, when not `source.item` or the cited decision\'s item.' })
  @Optional() @IsString() @MaxLength(50) item?: string;

  @JSONSchema({ description: 'Days on which a source shows the fact holding (e.g. a protocol listing the person in office): not uncertain on those days.' })
  @Optional() @IsArray() @ArrayMaxSize(100) @IsCalendarDay({ each: true }) attestedOn?: string[];
}

/** The basis of one field of the command's data (e.g. a meeting's `place`), when it differs from the command's. */
export class FieldBasisDto extends BasisClaimDto {
  @JSONSchema({ description: 'A field of `data`, e.g. "place" or "chair".' })
  @Matches(/^[A-Za-z][A-Za-z0-9]{0,49}$/, { message: 'field must name a field of data' })
  field!: string;
}

export class CommandMetadataDto {
  @JSONSchema({ description: 'Idempotency key: a repeated commandId appends nothing and answers with the first result. Generated when absent.' })
  @Optional()
  @Matches(COMMAND_ID_PATTERN, { message: 'commandId must be 1-200 characters of A-Z a-z 0-9 . _ : -' })
  commandId?: string;

  @Optional()
  @Matches(COMMAND_ID_PATTERN, { message: 'correlationId must be 1-200 characters of A-Z a-z 0-9 . _ : -' })
  correlationId?: string;

  @JSONSchema({ type: 'string', format: 'date', description: 'The meeting or procedure date at which it was decided.' })
  @Optional()
  @IsCalendarDay()
  decidedOn?: string;

  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => SourceDto)
  source?: SourceDto;

  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => DecisionRefDto)
  decision?: DecisionRefDto;

  @JSONSchema({ description: 'The basis of every fact the command records: stated by a source, or inferred. Derived when absent: a cited decision is stated, a source note makes it inferred.' })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => BasisClaimDto)
  basis?: BasisClaimDto;

  @JSONSchema({ description: 'The basis of single fields of data where it differs from `basis` (e.g. an inferred place of a meeting).' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => FieldBasisDto)
  fieldBasis?: FieldBasisDto[];

  @JSONSchema({ description: "The version of the command's target stream the client last saw; 409 if it has moved on." })
  @Optional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}
