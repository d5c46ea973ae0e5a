import { JSONSchema } from 'class-validator-jsonschema';
import { DATE_SCHEMA, REF_SCHEMA } from './json-schema-fragments';
import { IsEffectiveDate, IsRef } from './ref-validators';

/** The fields every entry on a grant has: which grant, and the day (or month, or year) of the entry. */
export class MoneyEntryDto {
  @JSONSchema({ ...REF_SCHEMA, description: 'The grant: slug (e.g. "psykisk-halsa-suicidprevention-2025") or id.' })
  @IsRef()
  grant!: string;

  @JSONSchema({ ...DATE_SCHEMA, description: 'When the entry takes effect (valid time): a day, or the month or year when that is all the source says.' })
  @IsEffectiveDate(false)
  effectiveFrom!: string;
}
