import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { balanceTable, postingsTable } from '../queries/finance/finance-csv';
import type { GrantBalance } from '../queries/finance/grant-balance.reader';
import { GetGrantBalanceQuery } from '../queries/finance/grant-balance.query';
import { GetGrantReconciliationQuery } from '../queries/finance/grant-reconciliation.query';
import { ListGrantsQuery } from '../queries/finance/list-grants.query';
import { ListPostingsQuery, type PostingsList } from '../queries/finance/list-postings.query';
import { jsonOrCsv } from './csv-response';

@ApiTags('finance')
@Controller('grants')
export class GrantsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Every grant: agreement, year, holder, received and its parts' })
  @ApiQuery({ name: 'knownAt', required: false, description: 'ISO timestamp: as the ledger knew it then' })
  list(@Query('knownAt') knownAt?: string) {
    return this.queryBus.execute(new ListGrantsQuery(knownAt));
  }

  @Get(':grant/balance')
  @ApiOperation({ summary: 'Received, parts, allocated, unallocated, used, remaining, settled per party, invoiced, paid, outstanding (unknown = null with a reason)' })
  @ApiQuery({ name: 'at', required: false, description: 'YYYY-MM-DD (valid time), default today' })
  @ApiQuery({ name: 'knownAt', required: false, description: 'ISO timestamp (transaction time), default now' })
  @ApiProduces('application/json', 'text/csv')
  async balance(@Param('grant') grant: string, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) response: Response, @Query('at') at?: string, @Query('knownAt') knownAt?: string) {
    const body: GrantBalance = await this.queryBus.execute(new GetGrantBalanceQuery(grant, at, knownAt));
    return jsonOrCsv(accept, response, body, balanceTable, `balance-${body.grant.slug}-${body.at}`);
  }

  @Get(':grant/reconciliation')
  @ApiOperation({ summary: 'Every check with pass / fail / unknown and its figures' })
  @ApiQuery({ name: 'at', required: false, description: 'YYYY-MM-DD (valid time), default today' })
  @ApiQuery({ name: 'knownAt', required: false, description: 'ISO timestamp (transaction time), default now' })
  reconciliation(@Param('grant') grant: string, @Query('at') at?: string, @Query('knownAt') knownAt?: string) {
    return this.queryBus.execute(new GetGrantReconciliationQuery(grant, at, knownAt));
  }

  @Get(':grant/postings')
  @ApiOperation({ summary: "The grant's posting lines (double entry), reversals included" })
  @ApiQuery({ name: 'at', required: false })
  @ApiQuery({ name: 'knownAt', required: false })
  @ApiProduces('application/json', 'text/csv')
  async postings(@Param('grant') grant: string, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) response: Response, @Query('at') at?: string, @Query('knownAt') knownAt?: string) {
    const body: PostingsList = await this.queryBus.execute(new ListPostingsQuery(grant, at, knownAt));
    return jsonOrCsv(accept, response, body, (b) => postingsTable(b.postings), `postings-${grant}-${body.at}`);
  }
}
