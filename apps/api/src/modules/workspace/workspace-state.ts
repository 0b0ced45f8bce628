import { accountIdentity, type SecretState } from '@parley/contracts';
import type { AccountRow, ElectionPeriodRow, ResourceRow, Secrets, StoredRuleRow } from '@parley/db';

/** What the workspace holds, read once per apply or export; secrets decrypted, for comparing only. */
export type WorkspaceState = {
  departments: StoredDepartment[];
  sources: StoredSource[];
  electionPeriods: ElectionPeriodRow[];
};
export type StoredDepartment = { id: string; key: string; rules: StoredRuleRow[] } & DepartmentFields;
/** `sealed`: the secrets as stored, kept as they are when a change leaves them alone. */
export type StoredSource = { id: string; key: string; sealed: string | null } & SourceFields;

export type DepartmentFields = {
  name: string;
  aliases: string[];
  threshold: number;
  accounts: AccountRow[];
  resources: ResourceRow[];
};
export type ElectionPeriodFields = { from: string; to: string };
export type RuleFields = { name: string; query: string; purpose: string | null; enabled: boolean };
export type SourceFields = {
  name: string | null;
  type: string;
  url: string;
  interval: string;
  enabled: boolean;
  /** The department's key; null: shared by every department. */
  department: string | null;
  settings: Record<string, string>;
  secrets: Secrets;
};

/** Compares two plain records by value, so re-applying the same document reports nothing changed. */
export const sameValues = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Accounts and resources are sets: sorted, so the same set always compares (and exports) the same. */
export const sortedAccounts = (accounts: AccountRow[]): AccountRow[] =>
  [...accounts].sort((a, b) => accountIdentity(a).localeCompare(accountIdentity(b)));
export const sortedResources = (resources: ResourceRow[]): ResourceRow[] =>
  [...resources].sort((a, b) => a.url.localeCompare(b.url));
export const sameAccount = (a: AccountRow, b: AccountRow): boolean =>
  accountIdentity(a) === accountIdentity(b);

/** A source's config as people see it: plain settings as they are, secrets only as set / not set. */
export const visibleConfig = (
  secretNames: string[],
  s: Pick<SourceFields, 'settings' | 'secrets'>,
): Record<string, string | SecretState> => ({
  ...s.settings,
  ...Object.fromEntries(secretNames.map((name) => [name, { set: Object.hasOwn(s.secrets, name) }])),
});
