/**
 * Listening lawfully, topic not person: the lawful bases a listening rule can rest on, the test for a rule that
 * follows one private individual, and the per-author view warnings that keep topic research from turning into
 * directed surveillance of one member of the public.
 */

/** The six lawful bases of UK GDPR Article 6(1), as a rule records them. */
export const LAWFUL_BASES = [
  'public-task',
  'legitimate-interests',
  'consent',
  'legal-obligation',
  'vital-interests',
  'contract',
] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

/** Each basis in plain words, with what it means for listening, for the rule editor and the rules list. */
export const LAWFUL_BASIS_LABELS: Record<LawfulBasis, { name: string; hint: string }> = {
  'public-task': {
    name: 'Public task',
    hint: 'Listening is needed to carry out a task in the public interest or an official function set out in law.',
  },
  'legitimate-interests': {
    name: 'Legitimate interests',
    hint: 'Only for work outside your official functions: a public body cannot rely on it for its public tasks.',
  },
  consent: {
    name: 'Consent',
    hint: 'The people whose posts are read have clearly agreed to it, and can withdraw that agreement.',
  },
  'legal-obligation': {
    name: 'Legal obligation',
    hint: 'The law requires you to do this listening.',
  },
  'vital-interests': {
    name: 'Vital interests',
    hint: 'Needed to protect someone’s life.',
  },
  contract: {
    name: 'Contract',
    hint: 'Needed for a contract with the people whose posts are read.',
  },
};

/**
 * The workspace's lawful-listening settings. `requireLawfulBasis`: no rule may be enabled without a purpose and a
 * lawful basis. View warnings: from `authorViewWarningAt` conversations by the same member of the public opened by
 * one person within `authorViewWindowDays`, the page warns; from `authorViewReasonAt` their posts are withheld until
 * that person records why. `organisationAccounts`: handles the workspace knows are organisations (a charity, a
 * council, a newspaper), which are not private individuals.
 */
export type LawfulListeningSettings = {
  requireLawfulBasis: boolean;
  authorViewWarningAt: number;
  authorViewReasonAt: number;
  authorViewWindowDays: number;
  organisationAccounts: string[];
};

/**
 * On by default for the safeguards that cost nothing to honest work: three conversations by one person in four
 * weeks warns, five asks why. The lawful-basis requirement is off until the workspace turns it on, so rules written
 * before it existed keep running until someone gives them a basis.
 */
export const DEFAULT_LAWFUL_LISTENING: LawfulListeningSettings = {
  requireLawfulBasis: false,
  authorViewWarningAt: 3,
  authorViewReasonAt: 5,
  authorViewWindowDays: 28,
  organisationAccounts: [],
};

/** What must be filled in before a rule may be enabled: the names of the missing fields, in the editor's order. */
export const missingLawfulFields = (
  rule: { purpose: string | null; lawfulBasis: string | null },
  settings: Pick<LawfulListeningSettings, 'requireLawfulBasis'>,
): ('purpose' | 'lawfulBasis')[] => {
  if (!settings.requireLawfulBasis) return [];
  return [
    ...(rule.purpose?.trim() ? [] : ['purpose' as const]),
    ...(rule.lawfulBasis ? [] : ['lawfulBasis' as const]),
  ];
};

/** The organisations a workspace knows about: its departments, their accounts, its peers and listed accounts. */
export type OrganisationDirectory = {
  /** Department keys, names and aliases; peer names and aliases. */
  names: readonly string[];
  /** Department accounts, peers' handles and the workspace's organisation accounts. */
  handles: readonly string[];
};

/** A handle as `author:` compares it: lower case, no leading @. */
export const normaliseHandle = (handle: string): string => handle.trim().toLowerCase().replace(/^@+/, '');

/** A name or handle reduced to its letters and digits, so "Citizens Advice" and "citizensadvice" meet. */
const compact = (value: string): string => value.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** `alice@mastodon.social` → `alice`: the part of a fediverse handle a person chose. */
const localPart = (handle: string): string => handle.split('@')[0];

/**
 * Whether an `author:` value (or a post's author handle) names an organisation the workspace knows, rather than a
 * private individual.
 *
 * The honest test available: Parley cannot know who is behind an account, but the workspace document names the
 * organisations it cares about. An author is an organisation when their handle is one of the departments' own
 * accounts, a peer organisation's handle or an account the workspace lists as an organisation (compared whole, or
 * by the part before a fediverse `@instance`), or when it spells a department's or peer's key, name or alias
 * (letters and digits only, so `author:citizensadvice` is the peer "Citizens Advice"). Anyone else is treated as a
 * member of the public: erring that way only asks for a justification, while erring the other way would let a rule
 * follow a person unremarked.
 */
export const isKnownOrganisation = (handle: string, directory: OrganisationDirectory): boolean => {
  const value = normaliseHandle(handle);
  if (!value) return false;
  const handles = new Set(directory.handles.map(normaliseHandle).filter(Boolean));
  if (handles.has(value)) return true;
  const local = localPart(value);
  if ([...handles].some((h) => localPart(h) === local)) return true;
  const names = new Set(directory.names.map(compact).filter(Boolean));
  return names.has(compact(local));
};

/** The `author:` values of a rule that name private individuals, each once, in the order written. */
export const privateIndividualsOf = (
  authorValues: readonly string[],
  directory: OrganisationDirectory,
): string[] => [
  ...new Set(
    authorValues.map(normaliseHandle).filter((value) => value && !isKnownOrganisation(value, directory)),
  ),
];

/**
 * How a person's repeated opening of one member of the public's posts stands: `counted` (below the warning),
 * `warning` (from the warning threshold), `reason-required` (from the reason threshold, until a reason is recorded
 * within the window) and `reason-given` (past the reason threshold with a reason recorded).
 */
export type AuthorViewState = 'counted' | 'warning' | 'reason-required' | 'reason-given';

export const authorViewState = (
  views: number,
  reasonRecorded: boolean,
  settings: Pick<LawfulListeningSettings, 'authorViewWarningAt' | 'authorViewReasonAt'>,
): AuthorViewState => {
  if (views >= settings.authorViewReasonAt) return reasonRecorded ? 'reason-given' : 'reason-required';
  if (views >= settings.authorViewWarningAt) return 'warning';
  return 'counted';
};

/**
 * The warning a person reads, in plain words: what RIPA and the Home Office Covert Surveillance and Property
 * Interference code say about repeatedly viewing one person's profile or posts.
 */
export const authorViewWarning = (views: number, windowDays: number): string =>
  `You have opened ${views} conversations with posts by this person in the last ${windowDays} days. ` +
  'Looking at one member of the public again and again, rather than at a topic, can become directed surveillance ' +
  'under the Regulation of Investigatory Powers Act 2000 (RIPA). The Home Office Covert Surveillance and Property ' +
  'Interference code says repeated viewing of one person’s online profile may need authorisation. If you are ' +
  'following this person rather than the conversation, stop and ask your data protection officer.';

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1;

/** Stored settings (as the workspace document last wrote them) over the defaults; anything unreadable is a default. */
export const lawfulListeningSettingsOf = (
  stored: Record<string, unknown> | null,
): LawfulListeningSettings => {
  const s = stored ?? {};
  const d = DEFAULT_LAWFUL_LISTENING;
  return {
    requireLawfulBasis:
      typeof s.requireLawfulBasis === 'boolean' ? s.requireLawfulBasis : d.requireLawfulBasis,
    authorViewWarningAt: isCount(s.authorViewWarningAt) ? s.authorViewWarningAt : d.authorViewWarningAt,
    authorViewReasonAt: isCount(s.authorViewReasonAt) ? s.authorViewReasonAt : d.authorViewReasonAt,
    authorViewWindowDays: isCount(s.authorViewWindowDays) ? s.authorViewWindowDays : d.authorViewWindowDays,
    organisationAccounts: Array.isArray(s.organisationAccounts)
      ? s.organisationAccounts.filter((a): a is string => typeof a === 'string')
      : d.organisationAccounts,
  };
};

/** How one member of the public is told apart across conversations: their platform and handle, in any case. */
export const authorKeyOf = (platform: string, handle: string): string =>
  `${platform}:${normaliseHandle(handle)}`;
