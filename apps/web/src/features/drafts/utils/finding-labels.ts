/** Each kind of propriety finding in a few plain words, for its badge. Unknown kinds read as themselves. */
const FINDING_LABELS: Record<string, string> = {
  announcement: 'Announcement',
  'party-political': 'Party political',
  parliament: 'Parliament',
  disclosure: 'Who is speaking',
  'personal-data': 'Personal data',
  promise: 'Promise',
  view: 'A view on policy',
  'election-period': 'Election period',
};

export const findingLabel = (kind: string): string => FINDING_LABELS[kind] ?? kind;

const ROLE_NAMES: Record<string, string> = {
  policy: 'a policy official',
  comms: 'a comms officer',
  manager: 'a manager',
};

/** "a policy official and a comms officer": who still has to approve. */
export const rolesInWords = (roles: readonly string[]): string => {
  const names = roles.map((role) => ROLE_NAMES[role] ?? role);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
};
