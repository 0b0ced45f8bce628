import { useMemo, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { DepartmentSelect } from '../../../components/ui/department-select';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { TextField } from '../../../components/ui/text-field';
import { LEVELS, reportParamsProblem, type ReportParams } from '../utils/report-params';

type ReportFiltersProps = {
  departments: { key: string; name: string }[];
  value: ReportParams;
  onApply: (next: ReportParams) => void;
};

/** Applies on the button (WCAG 3.2.2); the parent remounts it (via `key`) when the URL changes. */
export const ReportFilters = ({ departments, value, onApply }: ReportFiltersProps) => {
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  const errors = useMemo(() => (problem ? [{ href: '#to', text: problem }] : []), [problem]);
  const set = (key: keyof ReportParams) => (next: string) => setDraft((d) => ({ ...d, [key]: next }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = reportParamsProblem(draft);
    setProblem(found);
    if (!found) onApply(draft);
  };

  return (
    <>
      <ErrorSummary items={errors} />
      <form className="filters no-print" onSubmit={submit} aria-label="Choose the report" noValidate>
        <DepartmentSelect departments={departments} value={draft.department} onChange={set('department')} />
        <TextField
          id="from"
          label="From"
          type="date"
          value={draft.from}
          onChange={(e) => set('from')(e.target.value)}
        />
        <TextField
          id="to"
          label="To (included)"
          type="date"
          value={draft.to}
          error={problem ?? undefined}
          onChange={(e) => set('to')(e.target.value)}
        />
        <div className="form-group form-group--inline">
          <label className="label" htmlFor="level">
            Level of detail
          </label>
          <p id="level-hint" className="hint">
            {LEVELS.find((l) => l.value === draft.level)?.hint}
          </p>
          <select
            id="level"
            name="level"
            aria-describedby="level-hint"
            className="select"
            value={draft.level}
            onChange={(e) => set('level')(e.target.value)}
          >
            {LEVELS.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary" className="filters__apply">
          Show report
        </Button>
      </form>
    </>
  );
};
