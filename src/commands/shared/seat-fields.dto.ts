import { IsString, Length } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsRef } from './ref-validators';
import { Optional } from './optional';

/** The optional terms of a seat, shared by AppointMember and ReplaceMember. */
export class SeatFieldsDto {
  @JSONSchema({ description: 'What the member sits as; "member" when not given (e.g. "processledare").' })
  @Optional() @IsString() @Length(1, 100)
  role?: string;

  @JSONSchema({ type: 'string', description: 'The party represented: slug, alias or id.' })
  @Optional() @IsRef()
  representing?: string;

  @JSONSchema({ description: 'The field the seat is for, e.g. "hab/rehab", "skolhälsovården".' })
  @Optional() @IsString() @Length(1, 200)
  field?: string;

  @Optional() @IsString() @Length(1, 200)
  title?: string;
}
