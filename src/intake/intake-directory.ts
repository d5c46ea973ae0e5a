import type { Ledger } from '../ledger';
import type { IntakeDirectory, KnownPerson } from './intake-result';

/**
 * What the ledger knows now, for the intake to resolve names against: people with the
 * spellings protocols printed for them and their latest affiliation (so a protocol that
 * states it again proposes nothing new), groups, parties with their aliases.
 */
export function intakeDirectoryOf(ledger: Pick<Ledger, 'directory' | 'profiles'>): IntakeDirectory {
  const people: KnownPerson[] = ledger.directory.peopleWithSpellings().map(({ id, slug, name, aliases }) => {
    const latest = ledger.profiles.profile({ id, slug, name }, null).affiliations.at(-1);
    return { slug, name, aliases, ...(latest?.organisation ? { affiliation: { organisation: latest.organisation.slug, title: latest.title } } : {}) };
  });
  return {
    people,
    groups: ledger.directory.listGroups(null).map((g) => ({ slug: g.slug, name: g.name, aliases: [] })),
    parties: ledger.directory.partiesWithAliases().map(({ slug, name, aliases }) => ({ slug, name, aliases })),
  };
}
