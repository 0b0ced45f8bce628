import { characterProblem, LIMITS, type Rule, type RuleUpsert } from '@parley/contracts';
import type { LawfulBasis } from '@parley/domain';
import { isApiError, type ApiProblem } from '../../../lib/api-client';
import { validateRuleKey } from './rule-key';

export const RULE_FIELDS = [
  'name',
  'key',
  'query',
  'purpose',
  'lawfulBasis',
  'justification',
  'reason',
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

export type RuleFormValues = {
  name: string;
  key: string;
  query: string;
  purpose: string;
  /** '' while none is chosen. */
  lawfulBasis: LawfulBasis | '';
  justification: string;
  enabled: boolean;
  reason: string;
};

/** One message per field, in the order the fields appear on the page, as the error summary lists them. */
export type RuleFieldErrors = Partial<Record<RuleField, string>>;

const capitalise = (text: string) => (text ? text[0].toUpperCase() + text.slice(1) : text);

type ValidateOptions = { isNew: boolean; existingKeys?: readonly string[] };

/** What can be checked without the api; the query's grammar is checked live by the preview. */
export const validateRuleForm = (values: RuleFormValues, { isNew, existingKeys = [] }: ValidateOptions) => {
  const errors: RuleFieldErrors = {};
  const name = values.name.trim();
  const nameCharacters = characterProblem(name, 'the name', 'name');
  if (!name) errors.name = 'Enter a name for the rule';
  else if (nameCharacters) errors.name = capitalise(nameCharacters);
  else if (name.length > LIMITS.name) errors.name = `Name must be ${LIMITS.name} characters or fewer`;
  if (isNew) {
    const keyError = validateRuleKey(values.key, existingKeys);
    if (keyError) errors.key = keyError;
  }
  const query = values.query.trim();
  const queryCharacters = characterProblem(query, 'the query', 'query');
  if (!query) errors.query = 'Enter a query';
  else if (queryCharacters) errors.query = capitalise(queryCharacters);
  else if (query.length > LIMITS.query)
    errors.query = `Query must be ${LIMITS.query.toLocaleString('en-GB')} characters or fewer`;
  const reason = values.reason.trim();
  if (!reason) errors.reason = 'Enter the reason for the change';
  else if (reason.length > LIMITS.reason)
    errors.reason = `Reason must be ${LIMITS.reason} characters or fewer`;
  return errors;
};

/**
 * Whether to ask for a justification: the query has a field filter on an author (the api decides whether that
 * author is a member of the public, and says so if the justification is missing), or the rule already names one.
 */
export const asksForJustification = (values: RuleFormValues, rule: Rule | null): boolean =>
  /(^|[\s(])author:/i.test(values.query) ||
  (rule?.namedPeople.length ?? 0) > 0 ||
  values.justification !== '';

/**
 * The body of `PUT /api/rules/:department/:key`, made from `rule` (null: a new rule), so the api refuses it if
 * someone else changed or added the rule meanwhile.
 */
export const toRuleUpsert = (values: RuleFormValues, rule: Rule | null): RuleUpsert => ({
  name: values.name.trim(),
  query: values.query.trim(),
  purpose: values.purpose.trim() || null,
  lawfulBasis: values.lawfulBasis || null,
  justification: values.justification.trim() || null,
  enabled: values.enabled,
  reason: values.reason.trim(),
  expectedVersion: rule?.version ?? 0,
});

const isField = (path: string): path is RuleField => (RULE_FIELDS as readonly string[]).includes(path);

/**
 * The lawful-listening refusals in the editor's words. The api names the rule and the field for scripts and the
 * workspace document (`lawfulBasis`, `lawfulListening.organisationAccounts`); on the form the field is right there.
 */
const LAWFUL_MESSAGES: Partial<Record<RuleField, { when: RegExp; text: string }>> = {
  purpose: {
    when: /cannot be enabled without a purpose/,
    text: 'Enter a purpose: your workspace requires a purpose and a lawful basis before a rule can be switched on. Or switch the rule off to save it as a draft',
  },
  lawfulBasis: {
    when: /cannot be enabled without a lawfulBasis/,
    text: 'Choose a lawful basis: your workspace requires one before a rule can be switched on. Or switch the rule off to save it as a draft',
  },
  justification: {
    when: /treated as a member of the public/,
    text: 'Give a justification: this rule follows an account Parley does not know as an organisation, so it is treated as a member of the public. Say why following this one person is necessary and proportionate, or ask a workspace administrator to list the account as an organisation',
  },
};

const plainMessage = (field: RuleField, message: string): string => {
  const lawful = LAWFUL_MESSAGES[field];
  return lawful && lawful.when.test(message) ? lawful.text : capitalise(message);
};

/** The api's problems (`{path, message}`) on their fields; problems about no field on the form come back apart. */
export const problemsToRuleErrors = (
  problems: ApiProblem[],
): { fields: RuleFieldErrors; other: string[] } => {
  const fields: RuleFieldErrors = {};
  const other: string[] = [];
  for (const problem of problems) {
    if (!isField(problem.path)) other.push(capitalise(problem.message));
    else if (!fields[problem.path]) fields[problem.path] = plainMessage(problem.path, problem.message);
  }
  return { fields, other };
};

export type RuleFailure = { fields: RuleFieldErrors; other: string[] };
export const NO_FAILURE: RuleFailure = { fields: {}, other: [] };

/** What a failed save tells the person, on the fields where possible. */
export const saveFailure = (error: unknown): RuleFailure => {
  if (isApiError(error)) {
    if (error.status === 400 && error.problems.length > 0) return problemsToRuleErrors(error.problems);
    if (error.status === 400) return { fields: {}, other: [capitalise(error.message)] };
    if (error.status === 403)
      return {
        fields: {},
        other: [
          'You cannot change this department’s rules. Ask a manager of the department or a Parley administrator',
        ],
      };
    // Someone else added or changed the rule meanwhile; the message says what to do.
    if (error.status === 409) return { fields: {}, other: [capitalise(error.message)] };
    if (error.status === 404)
      return { fields: {}, other: ['This department no longer exists, or you can no longer see it'] };
    if (error.status === 0)
      return { fields: {}, other: ['Parley cannot be reached. Check your connection, then try again'] };
  }
  return {
    fields: {},
    other: ['Sorry, there is a problem with the service. The rule was not saved. Try again later'],
  };
};

export const initialRuleValues = (rule: Rule | null): RuleFormValues => ({
  name: rule?.name ?? '',
  key: rule?.key ?? '',
  query: rule?.query ?? '',
  purpose: rule?.purpose ?? '',
  lawfulBasis: rule?.lawfulBasis ?? '',
  justification: rule?.justification ?? '',
  enabled: rule?.enabled ?? true,
  // Every change says why afresh: the last reason is in the history, not carried over.
  reason: '',
});
