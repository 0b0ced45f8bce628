import { useMemo, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { TextField } from '../../../components/ui/text-field';
import { periodProblem, type ReportPeriod } from '../utils/report-params';

type PeriodFilterProps = { value: ReportPeriod; onApply: (next: ReportPeriod) => void };

/** Applies on the button (WCAG 3.2.2); the parent remounts it (via `key`) when the URL changes. */
export const PeriodFilter = ({ value, onApply }: PeriodFilterProps) => {
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  const errors = useMemo(() => (problem ? [{ href: '#to', text: problem }] : []), [problem]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = periodProblem(draft);
    setProblem(found);
    if (!found) onApply(draft);
  };
  return (
    <>
      <ErrorSummary items={errors} />
      <form className="filters" onSubmit={submit} aria-label="Choose the period" noValidate>
        <TextField
          id="from"
          label="From"
          type="date"
          value={draft.from}
          onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))}
        />
        <TextField
          id="to"
          label="To"
          type="date"
          value={draft.to}
          error={problem ?? undefined}
          onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))}
        />
        <Button type="submit" variant="secondary" className="filters__apply">
          Show the period
        </Button>
      </form>
    </>
  );
};
