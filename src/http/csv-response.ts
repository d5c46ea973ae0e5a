import type { Response } from 'express';
import type { Table } from '../queries/finance/finance-csv';
import { toCsv, wantsCsv } from './csv';

/** Answers with CSV when the client asked for it (`Accept: text/csv`), with JSON otherwise. */
export function jsonOrCsv<T>(accept: string | undefined, response: Response, body: T, table: (body: T) => Table, filename: string): T | string {
  if (!wantsCsv(accept)) return body;
  const { header, rows } = table(body);
  response.type('text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${filename}.csv"`);
  return toCsv(header, rows);
}
