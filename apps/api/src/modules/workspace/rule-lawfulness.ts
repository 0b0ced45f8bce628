import {
  LAWFUL_BASES,
  missingLawfulFields,
  privateIndividualsOf,
  type LawfulListeningSettings,
  type OrganisationDirectory,
  type Problem,
} from '@parley/domain';
import { authorFilters, parseQuery } from '@parley/tagging';
import type { RuleFields } from './workspace-state';

/** The private individuals a (valid) query follows: its `author:` values that no known organisation answers to. */
export const namedPeopleOf = (query: string, directory: OrganisationDirectory): string[] =>
  privateIndividualsOf(authorFilters(parseQuery(query)), directory);

/** Where each field of the rule is, for the problems: `lawfulBasis` in the rule editor, a document path in a document. */
export type RulePaths = Record<'purpose' | 'lawfulBasis' | 'justification', string>;

/**
 * What stops a rule being saved as it is, each naming the rule (`dfe/loans`) and the field: an enabled rule without
 * a purpose or a lawful basis once the workspace requires them, and a rule following named members of the public
 * without a justification (whether enabled or not: switching it on later must not skip the question).
 */
export const lawfulnessProblems = (
  label: string,
  rule: RuleFields,
  settings: Pick<LawfulListeningSettings, 'requireLawfulBasis'>,
  paths: RulePaths,
): Problem[] => {
  const missing = rule.enabled ? missingLawfulFields(rule, settings) : [];
  const problems: Problem[] = missing.map((field) => ({
    path: paths[field],
    message:
      field === 'purpose'
        ? `rule "${label}" cannot be enabled without a purpose: the workspace requires a purpose and a lawful basis for every rule it listens with (say what the rule listens for, and why)`
        : `rule "${label}" cannot be enabled without a lawfulBasis: the workspace requires one (${LAWFUL_BASES.join(', ')}); or save it disabled`,
  }));
  if (rule.namedPeople.length > 0 && !rule.justification?.trim()) {
    const people = rule.namedPeople.map((p) => `author:${p}`).join(', ');
    problems.push({
      path: paths.justification,
      message: `rule "${label}" follows ${people}, which is not an organisation the workspace knows, so it is treated as a member of the public: give a justification (why this person, and why following them is necessary and proportionate), or, if it is an organisation, list it in lawfulListening.organisationAccounts`,
    });
  }
  return problems;
};
