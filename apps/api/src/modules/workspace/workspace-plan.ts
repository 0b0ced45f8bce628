import {
  ACCOUNT_SECRETS,
  SOURCE_SETTINGS,
  accountIdentity,
  type AccountDocument,
  type AccountSecretName,
  secretSettingsOf,
  type Change,
  type DepartmentDocument,
  type LawfulListeningDocument,
  type RuleDocument,
  type SourceDocument,
  type WorkspaceDocument,
} from '@parley/contracts';
import {
  formatDuration,
  parseDuration,
  type LawfulListeningSettings,
  type OrganisationDirectory,
  type Problem,
  type RetentionPolicy,
} from '@parley/domain';
import type { AccountWithSecretRow, StoredRuleRow } from '@parley/db';
import {
  alertSettingsOf,
  normalisedEvent,
  sameAccount,
  sameEvent,
  sameValues,
  sortedAccounts,
  sortedCalendar,
  sortedPartners,
  sortedResources,
  visibleAccount,
  visibleConfig,
  type DepartmentFields,
  type ElectionPeriodFields,
  type PeerFields,
  type RuleFields,
  type SourceFields,
  type StoredDepartment,
  type StoredSource,
  type WorkspaceState,
} from './workspace-state';
import { lawfulnessProblems, namedPeopleOf } from './rule-lawfulness';

type Action = Change['action'];
type Step<Fields, Before extends Fields = Fields> = {
  action: Action;
  key: string;
  fields: string[];
  before: Before | null;
  after: Fields | null;
};
export type PlannedChange =
  | ({ entity: 'department'; id: string | null } & Step<DepartmentFields>)
  | ({
      entity: 'rule';
      department: string;
      ruleKey: string;
      existing: StoredRuleRow | null;
    } & Step<RuleFields>)
  | ({ entity: 'source'; id: string | null } & Step<SourceFields, StoredSource>)
  | ({ entity: 'election-period'; id: string | null } & Step<ElectionPeriodFields>)
  | ({ entity: 'peer'; id: string | null } & Step<PeerFields>)
  // The workspace's default retention: one setting, keyed `workspace`.
  | ({ entity: 'retention'; id: string | null } & Step<RetentionPolicy>)
  | ({ entity: 'setting'; id: null } & Step<LawfulListeningSettings>);

/** Everything a document changes, in the order to write it, and what it leaves as it is. */
export type Plan = {
  changes: PlannedChange[];
  unchanged: Record<PlannedChange['entity'], string[]>;
  /** Problems only the stored workspace reveals (a secret to keep that was never stored). */
  problems: Problem[];
};

/**
 * Absent: what is stored. Given: with prune, exactly what is given; without, the stored items (updated by given
 * ones that are the same item) and the new ones, so nothing is removed that the document does not name.
 */
const merged = <T>(
  stored: T[],
  given: T[] | undefined,
  prune: boolean,
  same: (a: T, b: T) => boolean,
): T[] => {
  if (given === undefined) return stored;
  if (prune) return given;
  return [
    ...stored.map((s) => given.find((g) => same(s, g)) ?? s),
    ...given.filter((g) => !stored.some((s) => same(s, g))),
  ];
};

/** The fields whose values differ; for a creation or a deletion, every field. */
const changedFields = (before: Record<string, unknown> | null, after: Record<string, unknown> | null) => {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return before && after ? keys.filter((k) => !sameValues(before[k], after[k])) : keys;
};

const step = <Fields, Before extends Fields>(
  key: string,
  before: Before | null,
  after: Fields | null,
  flat: (f: Fields) => object,
): Step<Fields, Before> => {
  const fields = changedFields(
    before && (flat(before) as Record<string, unknown>),
    after && (flat(after) as Record<string, unknown>),
  );
  const action: Action = !before ? 'create' : !after ? 'delete' : 'update';
  return { action, key, fields, before, after };
};

/** An account's credential, as for a source secret: set, removed, kept (`{ set: true }`), or absent: left as it is. */
const accountAfter = (
  doc: AccountDocument,
  stored: AccountWithSecretRow[],
  report: (name: string, message: string) => void,
): AccountWithSecretRow => {
  const account = { platform: doc.platform, handle: doc.handle, site: doc.site ?? null };
  const old = stored.find((s) => sameAccount(s, account));
  const name = (ACCOUNT_SECRETS as Record<string, AccountSecretName>)[doc.platform];
  const value = name ? doc[name] : undefined;
  if (value === undefined) return { ...account, secret: old?.secret ?? null };
  if (typeof value === 'string') return { ...account, secret: value };
  if (value === null || !value.set) return { ...account, secret: null };
  if (!old?.secret) report(name, `no ${name} is stored for this account to keep: give its value`);
  return { ...account, secret: old?.secret ?? null };
};

const departmentAfter = (
  doc: DepartmentDocument,
  old: StoredDepartment | undefined,
  prune: boolean,
  report: (path: string, message: string) => void,
): DepartmentFields => ({
  name: doc.name,
  aliases: merged(old?.aliases ?? [], doc.aliases, prune, (a, b) => a === b),
  threshold: doc.threshold ?? old?.threshold ?? 0,
  sla: doc.sla !== undefined ? doc.sla : (old?.sla ?? null),
  accounts: sortedAccounts(
    merged(
      old?.accounts ?? [],
      doc.accounts?.map((a, j) =>
        accountAfter(a, old?.accounts ?? [], (name, message) => report(`accounts[${j}].${name}`, message)),
      ),
      prune,
      sameAccount,
    ),
  ),
  resources: sortedResources(merged(old?.resources ?? [], doc.resources, prune, (a, b) => a.url === b.url)),
  calendar: sortedCalendar(merged(old?.calendar ?? [], doc.calendar?.map(normalisedEvent), prune, sameEvent)),
  partners: sortedPartners(merged(old?.partners ?? [], doc.partners, prune, (a, b) => a.name === b.name)),
  alerts: doc.alerts ?? old?.alerts ?? alertSettingsOf({}),
});

const ruleAfter = (
  doc: RuleDocument,
  old: StoredRuleRow | undefined,
  directory: OrganisationDirectory,
): RuleFields => ({
  name: doc.name,
  query: doc.query,
  purpose: doc.purpose !== undefined ? doc.purpose : (old?.purpose ?? null),
  lawfulBasis: doc.lawfulBasis !== undefined ? doc.lawfulBasis : (old?.lawfulBasis ?? null),
  justification: doc.justification !== undefined ? doc.justification : (old?.justification ?? null),
  namedPeople: namedPeopleOf(doc.query, directory),
  enabled: doc.enabled ?? old?.enabled ?? true,
});
const ruleFields = (r: RuleFields): RuleFields => ({
  name: r.name,
  query: r.query,
  purpose: r.purpose,
  lawfulBasis: r.lawfulBasis,
  justification: r.justification,
  namedPeople: r.namedPeople,
  enabled: r.enabled,
});

/** The document's lawful-listening settings over the stored ones: a field left out keeps its value. */
const settingsAfter = (
  doc: LawfulListeningDocument | undefined,
  stored: LawfulListeningSettings,
): LawfulListeningSettings => ({
  requireLawfulBasis: doc?.requireLawfulBasis ?? stored.requireLawfulBasis,
  authorViewWarningAt: doc?.authorViewWarningAt ?? stored.authorViewWarningAt,
  authorViewReasonAt: doc?.authorViewReasonAt ?? stored.authorViewReasonAt,
  authorViewWindowDays: doc?.authorViewWindowDays ?? stored.authorViewWindowDays,
  organisationAccounts: doc?.organisationAccounts ?? stored.organisationAccounts,
});

/**
 * The organisations a rule's `author:` values are checked against: what the workspace holds and what the document
 * gives, together. A name or handle the same document removes still counts for this apply; the next save of the rule
 * flags it if nothing else answers to it.
 */
const directoryOf = (
  doc: WorkspaceDocument,
  state: WorkspaceState,
  settings: LawfulListeningSettings,
): OrganisationDirectory => {
  const departments = [...state.departments, ...(doc.departments ?? [])];
  const peers = [...state.peers, ...(doc.peers ?? [])];
  return {
    names: [
      ...departments.flatMap((d) => [d.key, d.name, ...(d.aliases ?? [])]),
      ...peers.flatMap((p) => [p.name, ...p.aliases]),
    ],
    handles: [
      ...departments.flatMap((d) => (d.accounts ?? []).map((a) => a.handle)),
      ...peers.flatMap((p) => p.handles),
      ...settings.organisationAccounts,
    ],
  };
};

const known = (type: string, values: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(values).filter(([name]) =>
      Object.hasOwn((SOURCE_SETTINGS as Record<string, object>)[type] ?? {}, name),
    ),
  );

/** Text sets a setting, null (or `{ set: false }`) removes it, `{ set: true }` keeps the stored secret. */
const sourceAfter = (
  doc: SourceDocument,
  old: StoredSource | undefined,
  prune: boolean,
  report: (name: string, message: string) => void,
): SourceFields => {
  const fresh = prune && doc.config !== undefined;
  const settings = fresh ? {} : known(doc.type, old?.settings ?? {});
  const secrets = fresh ? {} : known(doc.type, old?.secrets ?? {});
  const secretNames = secretSettingsOf(doc.type);
  for (const [name, value] of Object.entries(doc.config ?? {})) {
    const target: Record<string, string> = secretNames.includes(name) ? secrets : settings;
    if (typeof value === 'string') target[name] = value;
    else if (value === null || !value.set) delete target[name];
    else if (old?.secrets[name] !== undefined) target[name] = old.secrets[name];
    else report(name, `no ${name} is stored for this source to keep: give its value`);
  }
  return {
    name: doc.name !== undefined ? doc.name : (old?.name ?? null),
    type: doc.type,
    url: doc.url,
    interval: formatDuration(parseDuration(doc.interval) as number),
    enabled: doc.enabled ?? old?.enabled ?? true,
    department: doc.department !== undefined ? doc.department : (old?.department ?? null),
    settings,
    secrets,
    retention: doc.retention !== undefined ? doc.retention : (old?.retention ?? null),
  };
};

/** A source as one flat record, each setting its own field, so a change names the setting it touches. */
const flatSource = (s: SourceFields, secretsAs: (value: string) => unknown) => ({
  name: s.name,
  type: s.type,
  url: s.url,
  interval: s.interval,
  enabled: s.enabled,
  department: s.department,
  retention: s.retention,
  ...Object.fromEntries(Object.entries(s.settings).map(([k, v]) => [`config.${k}`, v])),
  ...Object.fromEntries(Object.entries(s.secrets).map(([k, v]) => [`config.${k}`, secretsAs(v)])),
});

/** Works out what applying `doc` to `state` changes; writes nothing. */
export const planWorkspace = (doc: WorkspaceDocument, state: WorkspaceState, prune: boolean): Plan => {
  const plan: Plan = {
    changes: [],
    unchanged: {
      department: [],
      rule: [],
      source: [],
      'election-period': [],
      peer: [],
      retention: [],
      setting: [],
    },
    problems: [],
  };
  const settings = settingsAfter(doc.lawfulListening, state.lawfulListening);
  const directory = directoryOf(doc, state, settings);
  const add = (change: PlannedChange) =>
    change.fields.length ? plan.changes.push(change) : plan.unchanged[change.entity].push(change.key);
  const departments = new Map(state.departments.map((d) => [d.key, d]));
  const rules: PlannedChange[] = [];
  (doc.departments ?? []).forEach((d, i) => {
    const old = departments.get(d.key);
    const report = (path: string, message: string) =>
      plan.problems.push({ path: `departments[${i}].${path}`, message });
    const after = departmentAfter(d, old, prune, report);
    add({ entity: 'department', id: old?.id ?? null, ...step(d.key, old ?? null, after, departmentFields) });
    rules.push(...planRules(d, old, prune, directory));
  });
  rules.forEach(add);
  const sources = new Map(state.sources.map((s) => [s.key, s]));
  (doc.sources ?? []).forEach((s, i) => {
    const old = sources.get(s.key);
    const report = (name: string, message: string) =>
      plan.problems.push({ path: `sources[${i}].config.${name}`, message });
    const after = sourceAfter(s, old, prune, report);
    add({
      entity: 'source',
      id: old?.id ?? null,
      ...step(s.key, old ?? null, after, (f) => flatSource(f, (v) => v)),
    });
  });
  if (prune && doc.sources) {
    for (const old of state.sources.filter((s) => !doc.sources?.some((x) => x.key === s.key))) {
      const gone = step<SourceFields, StoredSource>(old.key, old, null, (f) => flatSource(f, (v) => v));
      add({ entity: 'source', id: old.id, ...gone });
    }
  }
  if (prune && doc.departments) {
    for (const old of state.departments.filter((d) => !doc.departments?.some((x) => x.key === d.key))) {
      add({ entity: 'department', id: old.id, ...step(old.key, old, null, departmentFields) });
    }
  }
  planElectionPeriods(doc, state, prune).forEach(add);
  planPeers(doc, state, prune).forEach(add);
  planRetention(doc, state).forEach(add);
  if (doc.lawfulListening) {
    const change = step('lawfulListening', state.lawfulListening, settings, (f) => f);
    add({ entity: 'setting', id: null, ...change });
  }
  plan.problems.push(...accountConflicts(doc, state, plan.changes));
  plan.problems.push(...settingProblems(settings), ...lawfulRuleProblems(doc, state, settings, prune));
  return plan;
};

/** The default retention, when the document gives it (null removes it: posts are kept). */
const planRetention = (doc: WorkspaceDocument, state: WorkspaceState): PlannedChange[] => {
  if (doc.retention === undefined) return [];
  const change = step<RetentionPolicy, RetentionPolicy>('workspace', state.retention, doc.retention, (r) => ({
    ...r,
  }));
  return [{ entity: 'retention', id: state.retention ? 'workspace' : null, ...change }];
};

const settingProblems = (settings: LawfulListeningSettings): Problem[] =>
  settings.authorViewWarningAt > settings.authorViewReasonAt
    ? [
        {
          path: 'lawfulListening.authorViewReasonAt',
          message: `authorViewReasonAt (${settings.authorViewReasonAt}) is at least authorViewWarningAt (${settings.authorViewWarningAt}): the warning comes before the reason`,
        },
      ]
    : [];

/**
 * Every rule as the document leaves it, held to the workspace's lawful-listening settings as they will be: the
 * document's rules where they are, and a stored enabled rule the document leaves alone against the setting that
 * would make it unlawful to keep running, so turning the requirement on names every rule still to be given a basis.
 */
const lawfulRuleProblems = (
  doc: WorkspaceDocument,
  state: WorkspaceState,
  settings: LawfulListeningSettings,
  prune: boolean,
): Problem[] => {
  const directory = directoryOf(doc, state, settings);
  const given = (doc.departments ?? []).flatMap((d, i) =>
    (d.rules ?? []).flatMap((rule, j) => {
      const stored = state.departments.find((s) => s.key === d.key)?.rules.find((r) => r.key === rule.key);
      const at = `departments[${i}].rules[${j}]`;
      return lawfulnessProblems(`${d.key}/${rule.key}`, ruleAfter(rule, stored, directory), settings, {
        purpose: `${at}.purpose`,
        lawfulBasis: `${at}.lawfulBasis`,
        justification: `${at}.justification`,
      });
    }),
  );
  const kept = state.departments.flatMap((d) => {
    const inDoc = doc.departments?.find((x) => x.key === d.key);
    // Pruned away with their department, or with a rules list given, the stored rules it leaves out go.
    if (prune && doc.departments && (!inDoc || inDoc.rules)) return [];
    return d.rules
      .filter((r) => !r.deletedAt && !inDoc?.rules?.some((x) => x.key === r.key))
      .flatMap((r) => {
        const path = 'lawfulListening.requireLawfulBasis';
        return lawfulnessProblems(`${d.key}/${r.key}`, { ...ruleFields(r), namedPeople: [] }, settings, {
          purpose: path,
          lawfulBasis: path,
          justification: path,
        }).map((p) => ({
          ...p,
          message: `${p.message}: give it one in this document (departments[].rules[]) or disable it`,
        }));
      });
  });
  return [...given, ...kept];
};

/** Election periods by name: given ones are created or updated; with prune, stored ones not given are removed. */
const planElectionPeriods = (doc: WorkspaceDocument, state: WorkspaceState, prune: boolean) => {
  const dates = (p: ElectionPeriodFields): ElectionPeriodFields => ({ from: p.from, to: p.to });
  const changes: PlannedChange[] = [];
  for (const given of doc.electionPeriods ?? []) {
    const old = state.electionPeriods.find((p) => p.name === given.name);
    const change = step(given.name, old ? dates(old) : null, dates(given), dates);
    changes.push({ entity: 'election-period', id: old?.id ?? null, ...change });
  }
  if (prune && doc.electionPeriods) {
    for (const old of state.electionPeriods.filter(
      (p) => !doc.electionPeriods?.some((g) => g.name === p.name),
    )) {
      changes.push({ entity: 'election-period', id: old.id, ...step(old.name, dates(old), null, dates) });
    }
  }
  return changes;
};

/**
 * Peer organisations by name (in any case, as the database tells them apart): given ones are created or updated;
 * with prune, stored ones not given are removed.
 */
const planPeers = (doc: WorkspaceDocument, state: WorkspaceState, prune: boolean) => {
  const names = (p: PeerFields): PeerFields => ({ aliases: p.aliases, handles: p.handles });
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const changes: PlannedChange[] = [];
  for (const given of doc.peers ?? []) {
    const old = state.peers.find((p) => same(p.name, given.name));
    const change = step(given.name, old ? names(old) : null, names(given), names);
    // A name written in another case is the same organisation renamed.
    if (old && old.name !== given.name) change.fields.unshift('name');
    changes.push({ entity: 'peer', id: old?.id ?? null, ...change });
  }
  if (prune && doc.peers) {
    for (const old of state.peers.filter((p) => !doc.peers?.some((g) => same(g.name, p.name)))) {
      changes.push({ entity: 'peer', id: old.id, ...step(old.name, names(old), null, names) });
    }
  }
  return changes;
};

/** An account the document lists under one department while another (stored or in the document) keeps it. */
const accountConflicts = (
  doc: WorkspaceDocument,
  state: WorkspaceState,
  changes: PlannedChange[],
): Problem[] => {
  // What each changed department will hold replaces what it holds now; the others keep theirs.
  const held = new Map(state.departments.map((d) => [d.key, d.accounts]));
  for (const c of changes) if (c.entity === 'department') held.set(c.key, c.after?.accounts ?? []);
  const owners = new Map<string, string[]>();
  for (const [department, accounts] of held) {
    for (const a of accounts)
      owners.set(accountIdentity(a), [...(owners.get(accountIdentity(a)) ?? []), department]);
  }
  return (doc.departments ?? []).flatMap((d, i) =>
    (d.accounts ?? []).flatMap((a, j) => {
      const others = (owners.get(accountIdentity(a)) ?? []).filter((k) => k !== d.key);
      if (others.length === 0) return [];
      const message = `account "${accountIdentity(a)}" also belongs to department "${others[0]}": remove it there in the same document, or apply with prune to move it`;
      return [{ path: `departments[${i}].accounts[${j}]`, message }];
    }),
  );
};

const planRules = (
  d: DepartmentDocument,
  stored: StoredDepartment | undefined,
  prune: boolean,
  directory: OrganisationDirectory,
) => {
  const changes: PlannedChange[] = [];
  const live = (stored?.rules ?? []).filter((r) => !r.deletedAt);
  for (const rule of d.rules ?? []) {
    const existing = stored?.rules.find((r) => r.key === rule.key) ?? null;
    // A rule marked deleted comes back as a creation that continues its versions.
    const before = existing && !existing.deletedAt ? ruleFields(existing) : null;
    const key = `${d.key}/${rule.key}`;
    changes.push({
      entity: 'rule',
      department: d.key,
      ruleKey: rule.key,
      existing,
      ...step(key, before, ruleAfter(rule, existing ?? undefined, directory), (f) => f),
    });
  }
  if (prune && d.rules) {
    for (const existing of live.filter((r) => !d.rules?.some((x) => x.key === r.key))) {
      const key = `${d.key}/${existing.key}`;
      changes.push({
        entity: 'rule',
        department: d.key,
        ruleKey: existing.key,
        existing,
        ...step<RuleFields, RuleFields>(key, ruleFields(existing), null, (f) => f),
      });
    }
  }
  return changes;
};

/** For comparing: every field, credentials included (a changed token is a change). */
const departmentFields = (d: DepartmentFields): DepartmentFields => ({
  name: d.name,
  aliases: d.aliases,
  threshold: d.threshold,
  sla: d.sla,
  accounts: d.accounts,
  resources: d.resources,
  calendar: d.calendar,
  partners: d.partners,
  alerts: d.alerts,
});

/** For showing (changes, the audit log): credentials only as `{ set: true }`. */
const departmentView = (d: DepartmentFields) => ({
  ...departmentFields(d),
  accounts: d.accounts.map(visibleAccount),
});

/** How a field set reads in a change and the audit log: secrets as `{ set: true }`, never their values. */
export const visibleFields = (
  change: PlannedChange,
  side: 'before' | 'after',
): Record<string, unknown> | undefined => {
  const fields = change[side];
  if (!fields) return undefined;
  if (change.entity === 'source') {
    const s = fields as SourceFields;
    return {
      ...flatSource({ ...s, settings: {}, secrets: {} }, () => null),
      config: visibleConfig(secretSettingsOf(s.type), s),
    };
  }
  if (change.entity === 'election-period') return { ...(fields as ElectionPeriodFields) };
  if (change.entity === 'peer') return { name: change.key, ...(fields as PeerFields) };
  if (change.entity === 'retention') return { ...(fields as RetentionPolicy) };
  if (change.entity === 'setting') return { ...(fields as LawfulListeningSettings) };
  return change.entity === 'rule'
    ? ruleFields(fields as RuleFields)
    : departmentView(fields as DepartmentFields);
};

/** The change as the api reports it: only the changed fields, before and after. */
export const publicChange = (change: PlannedChange): Change => {
  const pick = (side: 'before' | 'after') => {
    const fields = change[side];
    if (!fields) return undefined;
    if (change.action !== 'update') return visibleFields(change, side);
    const flat: Record<string, unknown> =
      change.entity === 'source'
        ? flatSource(fields as SourceFields, () => ({ set: true }))
        : change.entity === 'department'
          ? departmentView(fields as DepartmentFields)
          : (fields as Record<string, unknown>);
    return Object.fromEntries(change.fields.map((f) => [f, flat[f] ?? null]));
  };
  return {
    action: change.action,
    entity: change.entity,
    key: change.key,
    fields: change.fields,
    before: pick('before'),
    after: pick('after'),
  };
};
