import type { WriterRole } from '../../access/roles';
import type { CommandContext } from './command-context';

/**
 * One command type, end to end on the write side: its wire format (a class-validator
 * DTO, which also gives its JSON schema) and how it is carried out: resolve references,
 * fold the stream, call the pure decider, stage the events.
 */
export interface CommandDefinition<Dto extends object = object> {
  readonly type: string;
  readonly summary: string;
  readonly dto: new () => Dto;
  /** Which token roles may send it over HTTP; `clerk` when absent. Local processes (CLI, seed) may send any. */
  readonly roles?: readonly WriterRole[];
  /** The stream `metadata.expectedVersion` refers to. */
  targetStream(dto: Dto, ctx: CommandContext): Promise<string>;
  execute(dto: Dto, ctx: CommandContext): Promise<void>;
}

export function defineCommand<Dto extends object>(definition: CommandDefinition<Dto>): CommandDefinition<Dto> {
  return definition;
}

export function rolesOf(definition: CommandDefinition<any>): readonly WriterRole[] {
  return definition.roles ?? ['clerk'];
}
