import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { InvalidInput, type FieldProblem } from '../../domain/ledger-errors';

/** Validates `plain` into a DTO; on failure adds every bad field (under `path`) to `problems` and returns null. */
export function validateInto<T extends object>(cls: new () => T, plain: Record<string, unknown>, path: string, problems: FieldProblem[]): T | null {
  const instance = plainToInstance(cls, plain);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length === 0) return instance;
  problems.push(...flatten(errors, path));
  return null;
}

/** Validates `plain` into a DTO, or throws InvalidInput naming each bad field under `path`. */
export function validateDto<T extends object>(cls: new () => T, plain: Record<string, unknown>, path: string): T {
  const problems: FieldProblem[] = [];
  const dto = validateInto(cls, plain, path, problems);
  if (!dto) throw new InvalidInput(`${path} is malformed: ${problems[0]!.field} ${problems[0]!.message}`, problems);
  return dto;
}

function flatten(errors: readonly ValidationError[], path: string): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = /^\d+$/.test(e.property) ? `${path}[${e.property}]` : `${path}.${e.property}`;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message: message.startsWith(e.property) ? message.slice(e.property.length + 1) : message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}
