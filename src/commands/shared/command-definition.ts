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
  /** The stream `metadata.expectedVersion` refers to. */
  targetStream(dto: Dto, ctx: CommandContext): Promise<string>;
  execute(dto: Dto, ctx: CommandContext): Promise<void>;
}

export function defineCommand<Dto extends object>(definition: CommandDefinition<Dto>): CommandDefinition<Dto> {
  return definition;
}
