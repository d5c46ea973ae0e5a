import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IntakeDirectory, KnownNamed } from '../../src/intake/intake-result';

/** ../shared/seeds beside the clone, read-only (the same path on every machine and in CI). */
export const SEEDS_DIR = join(__dirname, '..', '..', '..', 'shared', 'seeds');
const DATASET_DIR = join(__dirname, '..', '..', 'data', 'kalmar');

/** The four protocols of seeds/README.md, by meeting date. */
export const SEED_PROTOCOLS = {
  '2024-12-13': '004_31f21ad4ef5bd8ed.txt',
  '2025-02-28': '000_8dbea4f65518a055.txt',
  '2025-05-16': '002_2420f61ec8c9a7cd.txt',
  '2026-03-12': '003_99a661715dc34129.txt',
} as const;
export const SEED_NEWSLETTER = '001_907a971c5c5ec615.txt';

export type SeedDate = keyof typeof SEED_PROTOCOLS;

export function seedText(file: string): string {
  return readFileSync(join(SEEDS_DIR, file), 'utf8');
}

interface DatasetCommand {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

export function datasetBatch(file: string): DatasetCommand[] {
  return JSON.parse(readFileSync(join(DATASET_DIR, file), 'utf8')) as DatasetCommand[];
}

function named(cmd: DatasetCommand): KnownNamed {
  return { slug: String(cmd.data['slug']), name: String(cmd.data['name']), aliases: (cmd.data['aliases'] as string[] | undefined) ?? [] };
}

/** The directory an empty ledger has after importing only the parties and groups of the Kalmar dataset: no people. */
export function partiesAndGroupsDirectory(): IntakeDirectory {
  return {
    people: [],
    parties: datasetBatch('01-parties.json').filter((c) => c.type === 'RegisterParty').map(named),
    groups: datasetBatch('02-groups.json').filter((c) => c.type === 'EstablishGroup').map(named),
  };
}
