import { ArrayMaxSize, IsArray } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { loadMeeting } from '../meeting/meeting-context';
import { MeetingRefDto } from '../meeting/meeting-ref.dto';
import { effectiveDate } from '../shared/command-context';
import { defineCommand } from '../shared/command-definition';
import { DATE_OR_UNKNOWN_SCHEMA, PERSON_REF_SCHEMA } from '../shared/json-schema-fragments';
import { IsEffectiveDate, IsPersonRef, type PersonRef } from '../shared/ref-validators';
import { signOffMeeting } from './sign-off-meeting.decide';
import { Optional } from '../shared/optional';

export class SignOffMeetingDto extends MeetingRefDto {
  @JSONSchema({ ...DATE_OR_UNKNOWN_SCHEMA, description: 'The day of justering; "unknown" when the source does not give it.' })
  @IsEffectiveDate(true)
  signedOn!: string;

  @JSONSchema({ type: 'array', items: PERSON_REF_SCHEMA, description: 'Who signed (ordförande, justerare).' })
  @Optional() @IsArray() @ArrayMaxSize(20) @IsPersonRef({ each: true })
  signers?: PersonRef[];
}

export const signOffMeetingCommand = defineCommand({
  type: 'SignOffMeeting',
  summary: "Sign off (justera) a meeting's protocol; afterwards its stream accepts corrections only.",
  dto: SignOffMeetingDto,
  targetStream: async (dto, ctx) => (await loadMeeting(ctx, dto.meeting)).stream,
  async execute(dto, ctx) {
    const meeting = await loadMeeting(ctx, dto.meeting);
    const signerIds = [];
    for (const [i, s] of (dto.signers ?? []).entries()) signerIds.push((await ctx.person(s, `data.signers[${i}]`, { registerIfNew: typeof s !== 'string' })).id);
    const signedOn = effectiveDate(dto.signedOn);
    await ctx.emit(meeting.stream, signOffMeeting({ type: 'SignOffMeeting', data: { signedOn, signerIds } }, meeting.state), signedOn);
  },
});
