/** A small argument parser: positionals and `--flag value` / `--flag` options. */
export interface ParsedArgs {
  readonly positionals: string[];
  readonly options: Record<string, string | true>;
}

export function parseArgs(argv: readonly string[], booleanFlags: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) options[name] = inline;
    else if (booleanFlags.includes(name)) options[name] = true;
    else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      options[name] = value;
      i++;
    }
  }
  return { positionals, options };
}

export class UsageError extends Error {}
