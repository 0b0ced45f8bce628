import { useState, type FormEvent } from 'react';
import './alerts.css';
import { ALERT_KINDS, ALERT_STATUSES } from '@parley/contracts';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { ALERT_PERIODS, type AlertParams } from '../utils/alert-params';
import { KIND_WORDS, STATUS_WORDS } from '../utils/alert-words';

type AlertFiltersProps = {
  departments: { key: string; name: string }[];
  value: AlertParams;
  onApply: (next: AlertParams) => void;
};

/** Applies on the button, so moving through a list does not reload the page (WCAG 3.2.2). */
export const AlertFilters = ({ departments, value, onApply }: AlertFiltersProps) => {
  const [draft, setDraft] = useState(value);
  const set =
    <K extends keyof AlertParams>(key: K) =>
    (next: string) =>
      setDraft((d) => ({ ...d, [key]: next as AlertParams[K] }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className="filters alert-filters" onSubmit={submit} aria-label="Filter the alerts" noValidate>
      {departments.length > 1 && (
        <SelectField id="department" label="Department" value={draft.department} onChange={set('department')}>
          <option value="">Every department</option>
          {departments.map((d) => (
            <option key={d.key} value={d.key}>
              {d.name}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField id="status" label="Status" value={draft.status} onChange={set('status')}>
        <option value="">Any status</option>
        {ALERT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_WORDS[s].label}
          </option>
        ))}
      </SelectField>
      <SelectField id="kind" label="Kind" value={draft.kind} onChange={set('kind')}>
        <option value="">Any kind</option>
        {ALERT_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_WORDS[k].label}
          </option>
        ))}
      </SelectField>
      <SelectField id="period" label="Started in" value={draft.period} onChange={set('period')}>
        {ALERT_PERIODS.map((p) => (
          <option key={p.value} value={p.value}>
            {p.label}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" className="filters__apply">
        Show alerts
      </Button>
    </form>
  );
};
