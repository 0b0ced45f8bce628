import { accountIdentity, firstResponseText, type SecretState } from '@parley/contracts';
import { parseDuration } from '@parley/domain';
import type { AccountRow, ResourceRow, Secrets, StoredRuleRow } from '@parley/db';

/** What the workspace holds, read once per apply or export; secrets decrypted, for comparing only. */
export type WorkspaceState = { departments: StoredDepartment[]; sources: StoredSource[] };
export type StoredDepartment = { id: string; key: string; rules: StoredRuleRow[] } & DepartmentFields;
/** `sealed`: the secrets as stored, kept as they are when a change leaves them alone. */
export type StoredSource = { id: string; key: string; sealed: string | null } & SourceFields;

/** A department's first-response SLA as the workspace document writes it: `{ firstResponse: '4h', businessHours: true }`. */
export type DepartmentSla = { firstResponse: string; businessHours: boolean };

export type DepartmentFields = {
  name: string;
  aliases: string[];
  threshold: number;
  sla: DepartmentSla | null;
  accounts: AccountRow[];
  resources: ResourceRow[];
};
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

/** The stored SLA as the document writes it (`4h`, or `90m` when not whole hours); null: the department has none. */
export const slaOf = (d: { slaMinutes: number | null; slaBusinessHours: boolean }): DepartmentSla | null =>
  d.slaMinutes === null
    ? null
    : { firstResponse: firstResponseText(d.slaMinutes), businessHours: d.slaBusinessHours };

/** The document's SLA as the department's columns. */
export const slaColumns = (sla: DepartmentSla | null) => ({
  slaMinutes: sla ? (parseDuration(sla.firstResponse) as number) / 60_000 : null,
  slaBusinessHours: sla?.businessHours ?? true,
});

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
