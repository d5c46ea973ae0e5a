import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { InvalidInput } from '../domain/ledger-errors';
import { GetMeetingQuery, ListMeetingsQuery } from '../queries/meeting.queries';
import type { MeetingDetail } from '../queries/meeting.reader';
import { oparlMeeting } from '../queries/oparl-export';
import { protocolHtml, protocolMarkdown } from '../queries/protocol-render';

const PROTOCOL_FORMATS = { md: 'text/markdown', html: 'text/html', json: 'application/json' } as const;

@ApiTags('meetings')
@Controller('meetings')
export class MeetingsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Meetings, by body and date range, as known at a time' })
  @ApiQuery({ name: 'body', required: false, description: 'group slug or id, e.g. lansgemensam-ledning-i-samverkan' })
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD, inclusive' })
  @ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD, inclusive' })
  @ApiQuery({ name: 'knownAt', required: false, description: 'ISO timestamp, default now' })
  list(@Query('body') body?: string, @Query('from') from?: string, @Query('to') to?: string, @Query('knownAt') knownAt?: string) {
    return this.queryBus.execute(new ListMeetingsQuery({ body, from, to, knownAt }));
  }

  @Get(':meeting')
  @ApiOperation({ summary: 'A meeting: items, decisions with their status and effects, attendance, sign-off. format=oparl gives an OParl Meeting.' })
  @ApiQuery({ name: 'knownAt', required: false, description: 'ISO timestamp, default now' })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'oparl'] })
  async detail(@Param('meeting') meeting: string, @Query('knownAt') knownAt?: string, @Query('format') format?: string) {
    if (format !== undefined && format !== 'json' && format !== 'oparl') throw new InvalidInput('format must be json or oparl', [{ field: 'format', message: 'must be json or oparl' }]);
    const detail = await this.queryBus.execute(new GetMeetingQuery(meeting, knownAt));
    return format === 'oparl' ? oparlMeeting(detail) : detail;
  }

  @Get(':meeting/protocol')
  @ApiOperation({ summary: 'The protocol rebuilt from the log, as Markdown (Accept: text/markdown, the default) or a printable HTML page (Accept: text/html)' })
  @ApiProduces('text/markdown', 'text/html', 'application/json')
  @ApiQuery({ name: 'knownAt', required: false, description: 'ISO timestamp: the protocol as the ledger knew it then' })
  @ApiQuery({ name: 'format', required: false, enum: Object.keys(PROTOCOL_FORMATS), description: 'overrides the Accept header' })
  async protocol(@Param('meeting') meeting: string, @Req() request: Request, @Res({ passthrough: true }) response: Response, @Query('knownAt') knownAt?: string, @Query('format') format?: string) {
    const type = protocolType(request, format);
    const detail: MeetingDetail = await this.queryBus.execute(new GetMeetingQuery(meeting, knownAt));
    response.vary('Accept');
    if (type === 'application/json') return detail;
    response.type(`${type}; charset=utf-8`);
    return type === 'text/html' ? protocolHtml(detail) : protocolMarkdown(detail);
  }
}

function protocolType(request: Request, format: string | undefined): string {
  if (format !== undefined) {
    const type = PROTOCOL_FORMATS[format as keyof typeof PROTOCOL_FORMATS];
    if (!type) throw new InvalidInput('format must be md, html or json', [{ field: 'format', message: 'must be md, html or json' }]);
    return type;
  }
  return request.accepts(['text/markdown', 'text/html', 'application/json']) || 'text/markdown';
}
