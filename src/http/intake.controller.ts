import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequiresAccess } from '../access/access.decorator';
import type { RequestWithPrincipal } from '../access/access.guard';
import type { ProtocolIntake } from '../intake/read-protocol';
import { IntakeProtocolQuery } from '../queries/intake-protocol.query';
import { readProtocolUpload } from './protocol-upload';

const PATH = '/intake/protocol';

/** The intake reads its own body (the JSON parser leaves it alone), so a 5 MB protocol is not refused at 1 MB. */
export function isProtocolIntake(request: { readonly url?: string }): boolean {
  return (request.url ?? '').split('?')[0] === PATH;
}

@ApiTags('intake')
@Controller('intake')
export class IntakeController {
  constructor(private readonly queryBus: QueryBus) {}

  @Post('protocol')
  @HttpCode(200)
  @RequiresAccess('write')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "A protocol's plain text in, proposed commands out (not events): the meeting, its items, attendance and the effects its decision sentences state, each with its source lines, confidence and name resolution; with the dry run of confirming them all. Appends nothing.",
  })
  @ApiConsumes('text/plain', 'application/json', 'multipart/form-data')
  @ApiBody({ schema: { oneOf: [{ type: 'string', description: 'text/plain; charset=utf-8' }, { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] }] } })
  @ApiResponse({ status: 200, description: '{ intake: { meeting, proposals, notUnderstood, … }, dryRun: { ok, events, violations, commands } }' })
  @ApiResponse({ status: 400, description: 'Empty text, malformed JSON or multipart (problem details naming the field)' })
  @ApiResponse({ status: 401, description: 'No valid bearer token' })
  @ApiResponse({ status: 403, description: 'The token may not record decisions' })
  @ApiResponse({ status: 413, description: 'More than 5 MB of text' })
  @ApiResponse({ status: 415, description: 'Not UTF-8 text (a PDF, a Word file, binary data, another charset)' })
  @ApiResponse({ status: 422, description: 'The text is not a protocol: no meeting date' })
  async intake(@Req() request: RequestWithPrincipal): Promise<ProtocolIntake> {
    const upload = await readProtocolUpload(request);
    return this.queryBus.execute(new IntakeProtocolQuery(upload.bytes, upload.field, request.principal!));
  }
}
