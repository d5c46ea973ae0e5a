import { v4 as uuidv4 } from 'uuid';
import { InvalidInput, type FieldProblem } from '../domain/ledger-errors';
import { COMMANDS_BY_TYPE } from './command-catalogue';
import type { CommandDefinition } from './shared/command-definition';
import { basisProblems } from './shared/basis-claims';
import { CommandMetadataDto } from './shared/command-metadata.dto';
import { validateInto as validate } from './shared/validate-dto';

export const MAX_BATCH = 500;
/** No command nests deeper than a handful of levels; a deeper body is refused before any validator walks it. */
export const MAX_DEPTH = 32;

export interface ParsedCommand {
  readonly definition: CommandDefinition<object>;
  readonly dto: object;
  readonly metadata: CommandMetadataDto & { readonly commandId: string };
}

export interface ParsedRequest {
  readonly commands: readonly ParsedCommand[];
  /** A batch (a JSON array) reports field paths with its index: "[2].data.group". */
  readonly isBatch: boolean;
}

/** Turns a request body into validated commands, or one InvalidInput listing every bad field. */
export function parseCommandRequest(body: unknown): ParsedRequest {
  if (depthExceeds(body, MAX_DEPTH)) throw new InvalidInput(`The body nests deeper than ${MAX_DEPTH} levels`, [{ field: 'body', message: `nests deeper than ${MAX_DEPTH} levels` }]);
  const reserved = reservedKeyIn(body);
  if (reserved) throw new InvalidInput(`The body uses the reserved key "${reserved.key}"`, [{ field: reserved.field, message: 'is a reserved name (__proto__, constructor, prototype), not a field' }]);
  const isBatch = Array.isArray(body);
  const items: unknown[] = isBatch ? (body as unknown[]) : [body];
  if (isBatch && items.length === 0) throw new InvalidInput('The batch is empty', [{ field: '', message: 'must hold at least one command' }]);
  if (items.length > MAX_BATCH) throw new InvalidInput(`A batch holds at most ${MAX_BATCH} commands`, [{ field: '', message: `at most ${MAX_BATCH} commands` }]);

  const problems: FieldProblem[] = [];
  const commands: ParsedCommand[] = [];
  const seenIds = new Set<string>();
  items.forEach((item, index) => {
    const prefix = isBatch ? `[${index}].` : '';
    const parsed = parseOne(item, prefix, problems);
    if (!parsed) return;
    if (seenIds.has(parsed.metadata.commandId)) problems.push({ field: `${prefix}metadata.commandId`, message: 'is used twice in this batch' });
    seenIds.add(parsed.metadata.commandId);
    commands.push(parsed);
  });
  if (problems.length > 0) throw new InvalidInput(`The command${isBatch ? ' batch' : ''} is malformed: ${problems[0]!.field} ${problems[0]!.message}`, problems);
  return { commands, isBatch };
}

function parseOne(item: unknown, prefix: string, problems: FieldProblem[]): ParsedCommand | null {
  if (!isPlainObject(item)) {
    problems.push({ field: prefix.replace(/\.$/, '') || 'body', message: 'must be a command object { type, data, metadata? }' });
    return null;
  }
  const extra = Object.keys(item).filter((k) => !['type', 'data', 'metadata'].includes(k));
  for (const key of extra) problems.push({ field: `${prefix}${key}`, message: 'is not allowed' });

  const { type, data, metadata } = item;
  const definition = typeof type === 'string' ? COMMANDS_BY_TYPE.get(type) : undefined;
  if (!definition) {
    problems.push({ field: `${prefix}type`, message: `must be one of ${[...COMMANDS_BY_TYPE.keys()].join(', ')}` });
    return null;
  }
  if (!isPlainObject(data)) {
    problems.push({ field: `${prefix}data`, message: 'must be an object' });
    return null;
  }
  if (metadata !== undefined && !isPlainObject(metadata)) {
    problems.push({ field: `${prefix}metadata`, message: 'must be an object' });
    return null;
  }
  const dto = validate(definition.dto, data, `${prefix}data`, problems);
  const meta = validate(CommandMetadataDto, metadata ?? {}, `${prefix}metadata`, problems);
  if (!dto || !meta) return null;
  const basisIssues = basisProblems(meta, data, prefix);
  if (basisIssues.length > 0) {
    problems.push(...basisIssues);
    return null;
  }
  return { definition, dto, metadata: { ...meta, commandId: meta.commandId ?? uuidv4() } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Iterative, so a hostile body cannot overflow the stack while being measured. */
function depthExceeds(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Keys that name an object's machinery: class-validator walks `value.constructor` and crashed on `{"constructor": "x"}` (issue 16). */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The first reserved key anywhere in the body, with its path; iterative like depthExceeds (run after it). */
function reservedKeyIn(value: unknown): { key: string; field: string } | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [item, path] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    for (const [key, child] of Object.entries(item)) {
      const field = Array.isArray(item) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
      if (!Array.isArray(item) && RESERVED_KEYS.has(key)) return { key, field };
      stack.push([child, field]);
    }
  }
  return null;
}
