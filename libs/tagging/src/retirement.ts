/** An opportunity currently in an inbox, with the rules it rested on when last tagged. */
export type LiveOpportunityFacts = {
  conversationId: string;
  departmentId: string;
  rules: { key: string }[];
};
export type OpportunityKey = { conversationId: string; departmentId: string };
export type RetirementFacts = OpportunityKey & { reason: string };

const keyOf = (o: OpportunityKey): string => `${o.conversationId}/${o.departmentId}`;

/** Why nothing supports the opportunity any more, rule by rule, in words an admin reading its history can follow. */
const reasonOf = (rules: { key: string }[], enabled: ReadonlySet<string>): string =>
  rules.length === 0
    ? 'no rule matches, and it is no longer a public reply to the department’s own post'
    : rules
        .map((r) =>
          enabled.has(r.key) ? `rule "${r.key}" no longer matches` : `rule "${r.key}" is no longer enabled`,
        )
        .join('; ');

/**
 * The live opportunities of re-tagged conversations that re-tagging did not produce again: no rule (and no own
 * thread) supports them now, so they leave the inbox. `enabledRules` are the workspace's rules in force.
 */
export const retirementsOf = (
  live: LiveOpportunityFacts[],
  kept: OpportunityKey[],
  enabledRules: { departmentId: string; key: string }[],
): RetirementFacts[] => {
  const stillSupported = new Set(kept.map(keyOf));
  const enabled = new Map<string, Set<string>>();
  for (const rule of enabledRules) {
    enabled.set(rule.departmentId, (enabled.get(rule.departmentId) ?? new Set()).add(rule.key));
  }
  return live
    .filter((o) => !stillSupported.has(keyOf(o)))
    .map((o) => ({
      conversationId: o.conversationId,
      departmentId: o.departmentId,
      reason: reasonOf(o.rules, enabled.get(o.departmentId) ?? new Set()),
    }));
};
