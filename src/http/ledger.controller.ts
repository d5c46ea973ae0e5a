import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { postingsTable, trialBalanceTable } from '../queries/finance/finance-csv';
import { ListPostingsQuery, type PostingsList } from '../queries/finance/list-postings.query';
import { GetTrialBalanceQuery } from '../queries/finance/trial-balance.query';
import type { TrialBalance } from '../queries/finance/trial-balance.reader';
import { jsonOrCsv } from './csv-response';

@ApiTags('finance')
@Controller('ledger')
export class LedgerController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('trial-balance')
  @ApiOperation({ summary: 'Every account per grant and party with debit and credit totals; the totals balance' })
  @ApiQuery({ name: 'at', required: false, description: 'YYYY-MM-DD (valid time), default today' })
  @ApiQuery({ name: 'knownAt', required: false, description: 'ISO timestamp (transaction time), default now' })
  @ApiProduces('application/json', 'text/csv')
  async trialBalance(@Headers('accept') accept: string | undefined, @Res({ passthrough: true }) response: Response, @Query('at') at?: string, @Query('knownAt') knownAt?: string) {
    const body: TrialBalance = await this.queryBus.execute(new GetTrialBalanceQuery(at, knownAt));
    return jsonOrCsv(accept, response, body, trialBalanceTable, `trial-balance-${body.at}`);
  }

  @Get('postings')
  @ApiOperation({ summary: 'Every posting line of every grant' })
  @ApiQuery({ name: 'at', required: false })
  @ApiQuery({ name: 'knownAt', required: false })
  @ApiProduces('application/json', 'text/csv')
  async postings(@Headers('accept') accept: string | undefined, @Res({ passthrough: true }) response: Response, @Query('at') at?: string, @Query('knownAt') knownAt?: string) {
    const body: PostingsList = await this.queryBus.execute(new ListPostingsQuery(null, at, knownAt));
    return jsonOrCsv(accept, response, body, (b) => postingsTable(b.postings), `postings-${body.at}`);
  }
}
