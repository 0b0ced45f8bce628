import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Rule, RuleSaved, RuleUpsert } from '@parley/contracts';
import { api, isApiError } from '../../../lib/api-client';
import { rulesQueryKey } from './get-rules';
import { ruleVersionsQueryKey } from './get-rule-versions';

type SaveRuleInput = { department: string; key: string; rule: RuleUpsert };

/** Creates or changes a rule; the answer names the job re-tagging recent conversations. */
export const saveRule = ({ department, key, rule }: SaveRuleInput): Promise<RuleSaved> =>
  api.put<RuleSaved>(`/api/rules/${encodeURIComponent(department)}/${encodeURIComponent(key)}`, rule);

const withRule = (rules: Rule[] | undefined, saved: Rule): Rule[] | undefined =>
  rules &&
  (rules.some((r) => r.key === saved.key)
    ? rules.map((r) => (r.key === saved.key ? saved : r))
    : [...rules, saved]);

type UseSaveRuleOptions = { onSuccess?: (saved: RuleSaved) => void };

export const useSaveRule = ({ onSuccess }: UseSaveRuleOptions = {}) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveRule,
    onSuccess: async (saved, { department, key }) => {
      // The list shows the new version at once; the history is fetched again to include this change.
      queryClient.setQueryData(rulesQueryKey(department), (rules: Rule[] | undefined) =>
        withRule(rules, saved.rule),
      );
      await queryClient.invalidateQueries({ queryKey: ruleVersionsQueryKey(department, key) });
      onSuccess?.(saved);
    },
    onError: async (error, { department, key }) => {
      // Someone else changed the rule: its history shows their change at once. The rule itself is not refetched,
      // which would start the form again from their version and throw away what this person typed.
      if (isApiError(error) && error.status === 409)
        await queryClient.invalidateQueries({ queryKey: ruleVersionsQueryKey(department, key) });
    },
  });
};
