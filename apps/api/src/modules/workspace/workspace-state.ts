import {
  ACCOUNT_SECRETS,
  accountIdentity,
  alertSettingsSchema,
  firstResponseText,
  type AlertSettings,
  type SecretState,
} from '@parley/contracts';
import {
  parseDuration,
  type LawfulBasis,
  type LawfulListeningSettings,
  type RetentionPolicy,
} from '@parley/domain';
import type {
  AccountRow,
  AccountWithSecretRow,
  DeliveryPartnerRow,
  ExpectedEventRow,
  ElectionPeriodRow,
  PeerOrganisationRow,
  ResourceRow,
  Secrets,
  StoredRuleRow,
} from '@parley/db';

/** What the workspace holds, read once per apply or export; secrets decrypted, for comparing only. */
export type WorkspaceState = {
  departments: StoredDepartment[];
  sources: StoredSource[];
  electionPeriods: ElectionPeriodRow[];
  peers: PeerOrganisationRow[];
  /** How long sources keep public posts unless they say otherwise; null: kept. */
  retention: RetentionPolicy | null;
  lawfulListening: LawfulListeningSettings;
};
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
  /** Each account's `secret` is its publish credential decrypted, for comparing only; never shown. */
  accounts: AccountWithSecretRow[];
  resources: ResourceRow[];
  /** Expected events, by start then name; instants as ISO strings with milliseconds, as exported. */
  calendar: ExpectedEventRow[];
  partners: DeliveryPartnerRow[];
  alerts: AlertSettings;
};
export type ElectionPeriodFields = { from: string; to: string };
export type PeerFields = { aliases: string[]; handles: string[] };
/** `namedPeople` is worked out from the query (the private individuals it follows), never written by people. */
export type RuleFields = {
  name: string;
  query: string;
  purpose: string | null;
  lawfulBasis: LawfulBasis | null;
  justification: string | null;
  namedPeople: string[];
  enabled: boolean;
};
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
  /** null: the workspace's default applies. */
  retention: RetentionPolicy | null;
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
export const sortedAccounts = <T extends AccountRow>(accounts: T[]): T[] =>
  [...accounts].sort((a, b) => accountIdentity(a).localeCompare(accountIdentity(b)));
export const sortedResources = (resources: ResourceRow[]): ResourceRow[] =>
  [...resources].sort((a, b) => a.url.localeCompare(b.url));
export const sortedCalendar = (events: ExpectedEventRow[]): ExpectedEventRow[] =>
  [...events].sort((a, b) => a.from.localeCompare(b.from) || a.name.localeCompare(b.name));
export const sortedPartners = (partners: DeliveryPartnerRow[]): DeliveryPartnerRow[] =>
  [...partners].sort(
    (a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.name.localeCompare(b.name),
  );
/** An expected event is the same one when its name and start are: a moved end is a change to it. */
export const sameEvent = (a: ExpectedEventRow, b: ExpectedEventRow): boolean =>
  a.name === b.name && a.from === b.from;
/** Instants as the export writes them, so `…T09:30:00Z` and `…T09:30:00.000Z` compare equal. */
export const normalisedEvent = (e: ExpectedEventRow): ExpectedEventRow => ({
  name: e.name,
  kind: e.kind,
  from: new Date(e.from).toISOString(),
  to: new Date(e.to).toISOString(),
});
/** Stored `{}` (never set) or an older shape reads as the defaults, every field written out. */
export const alertSettingsOf = (stored: Record<string, unknown>): AlertSettings => {
  const parsed = alertSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : alertSettingsSchema.parse({});
};

export const sameAccount = (a: AccountRow, b: AccountRow): boolean =>
  accountIdentity(a) === accountIdentity(b);

/** An account as people see it: its credential (named as the platform calls it) only as set. */
export const visibleAccount = (a: AccountWithSecretRow) => {
  const name = (ACCOUNT_SECRETS as Record<string, string>)[a.platform];
  return {
    platform: a.platform,
    handle: a.handle,
    site: a.site,
    ...(name && a.secret !== null ? { [name]: { set: true } } : {}),
  };
};

/** A source's config as people see it: plain settings as they are, secrets only as set / not set. */
export const visibleConfig = (
  secretNames: string[],
  s: Pick<SourceFields, 'settings' | 'secrets'>,
): Record<string, string | SecretState> => ({
  ...s.settings,
  ...Object.fromEntries(secretNames.map((name) => [name, { set: Object.hasOwn(s.secrets, name) }])),
});
