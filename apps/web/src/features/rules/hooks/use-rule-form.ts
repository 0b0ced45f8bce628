import { useState, type FormEvent } from 'react';
import type { Rule, RuleSaved } from '@parley/contracts';
import { useSaveRule } from '../api/save-rule';
import { keyFromName } from '../utils/rule-key';
import {
  NO_FAILURE,
  initialRuleValues,
  saveFailure,
  toRuleUpsert,
  validateRuleForm,
  type RuleFailure,
  type RuleFormValues,
} from '../utils/rule-form';

type UseRuleFormOptions = {
  department: string;
  /** null for a new rule. */
  rule: Rule | null;
  existingKeys: readonly string[];
  onSaved: (saved: RuleSaved) => void;
};

/** The editor's state: the values, what is wrong with them, and saving. */
export const useRuleForm = ({ department, rule, existingKeys, onSaved }: UseRuleFormOptions) => {
  const isNew = rule === null;
  const [values, setValues] = useState<RuleFormValues>(() => initialRuleValues(rule));
  // A new rule's key follows its name until someone types a key of their own.
  const [keyTouched, setKeyTouched] = useState(false);
  const [failure, setFailure] = useState<RuleFailure>(NO_FAILURE);
  const save = useSaveRule({ onSuccess: onSaved });

  const set = <F extends keyof RuleFormValues>(field: F, value: RuleFormValues[F]) => {
    setValues((current) => ({
      ...current,
      [field]: value,
      ...(field === 'name' && isNew && !keyTouched ? { key: keyFromName(String(value)) } : {}),
    }));
    if (field === 'key') setKeyTouched(true);
    // The query is checked live as it changes, so an error from the last save no longer applies to it.
    if (field === 'query' && failure.fields.query)
      setFailure((current) => ({ ...current, fields: { ...current.fields, query: undefined } }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = validateRuleForm(values, { isNew, existingKeys });
    if (Object.keys(fields).length > 0) {
      setFailure({ fields, other: [] });
      return;
    }
    setFailure(NO_FAILURE);
    save.mutate(
      { department, key: isNew ? values.key : rule.key, rule: toRuleUpsert(values, rule) },
      { onError: (error) => setFailure(saveFailure(error)) },
    );
  };

  return { values, set, failure, submit, saving: save.isPending, isNew };
};
