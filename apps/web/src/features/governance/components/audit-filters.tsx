import { useMemo, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { TextField } from '../../../components/ui/text-field';
import { ACTION_FILTERS, auditParamsProblem, type AuditParams } from '../utils/audit-params';

type AuditFiltersProps = {
  departments: { key: string; name: string }[];
  /** A workspace administrator may read the whole workspace's events, those of no department included. */
  allLabel: string;
  value: AuditParams;
  onApply: (next: AuditParams) => void;
};

/** Applies on the button (WCAG 3.2.2); the parent remounts it (via `key`) when the URL changes. */
export const AuditFilters = ({ departments, allLabel, value, onApply }: AuditFiltersProps) => {
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  // One array per problem, so the summary takes focus when a problem appears, not on every keystroke.
  const errors = useMemo(() => (problem ? [{ href: '#to', text: problem }] : []), [problem]);
  const set = (key: keyof AuditParams) => (next: string) => setDraft((d) => ({ ...d, [key]: next }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = auditParamsProblem(draft);
    setProblem(found);
    if (!found) onApply({ ...draft, actor: draft.actor.trim(), department: draft.department || null });
  };

  return (
    <>
      <ErrorSummary items={errors} />
      <form className="filters" onSubmit={submit} aria-label="Filter the audit log" noValidate>
        <div className="form-group form-group--inline">
          <label className="label" htmlFor="department">
            Department
          </label>
          <select
            id="department"
            name="department"
            className="select"
            value={draft.department ?? ''}
            onChange={(e) => set('department')(e.target.value)}
          >
            <option value="">{allLabel}</option>
            {departments.map((d) => (
              <option key={d.key} value={d.key}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id="actor"
          label="Who"
          hint="Part of a name or email address"
          value={draft.actor}
          onChange={(e) => set('actor')(e.target.value)}
          autoComplete="off"
        />
        <div className="form-group form-group--inline">
          <label className="label" htmlFor="action">
            What
          </label>
          <select
            id="action"
            name="action"
            className="select"
            value={draft.action}
            onChange={(e) => set('action')(e.target.value)}
          >
            {ACTION_FILTERS.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id="from"
          label="From"
          type="date"
          value={draft.from}
          onChange={(e) => set('from')(e.target.value)}
        />
        <TextField
          id="to"
          label="To"
          type="date"
          value={draft.to}
          error={problem ?? undefined}
          onChange={(e) => set('to')(e.target.value)}
        />
        <Button type="submit" variant="secondary" className="filters__apply">
          Show changes
        </Button>
      </form>
    </>
  );
};
