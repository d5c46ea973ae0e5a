import { JSONSchema } from 'class-validator-jsonschema';
import { IsRef } from '../shared/ref-validators';

/** Commands on an existing meeting name it by slug ("lansgemensam-ledning-i-samverkan-2025-02-28") or id. */
export class MeetingRefDto {
  @JSONSchema({ type: 'string', description: 'The meeting: slug "<body slug>-<YYYY-MM-DD>" or id' }) @IsRef()
  meeting!: string;
}
