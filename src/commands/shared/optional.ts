import { ValidateIf } from 'class-validator';

/**
 * The field may be left out. Unlike class-validator's IsOptional, an explicit `null` is not
 * taken for "left out": it is validated like any other value and refused with 400 naming
 * the field (issue 16: `"plannedEnd": null` slipped past IsOptional into the handler, 500).
 * A field where null means something (a correction's "open-ended") says so with IsOptional.
 */
export function Optional(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
