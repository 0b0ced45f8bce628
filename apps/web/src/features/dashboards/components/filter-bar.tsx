import { useMemo, useState, type FormEvent } from 'react';
import type { Objective, Theme } from '@parley/contracts';
import { metricDefinition, isMetricId } from '@parley/domain';
import { Button } from '../../../components/ui/button';
import { DepartmentSelect } from '../../../components/ui/department-select';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { CHANNELS, PERIODS, type DashboardParams } from '../utils/dashboard-params';

type FilterBarProps = {
  label: string;
  departments: { key: string; name: string }[];
  value: DashboardParams;
  onApply: (next: DashboardParams) => void;
  /** The department's objectives, when the person may read evaluation records. */
  objectives?: Objective[];
  /** The themes of the window, to narrow the posts behind a chart. */
  themes?: Theme[];
  /** Channel narrows the posts listed behind a chart. */
  showChannel?: boolean;
};

const customProblem = (draft: DashboardParams): { href: string; text: string } | null => {
  if (draft.period !== 'custom') return null;
  if (!draft.from) return { href: '#from', text: 'Enter the first day of the period' };
  if (!draft.to) return { href: '#to', text: 'Enter the last day of the period' };
  if (draft.to < draft.from)
    return { href: '#to', text: 'The last day must be the same as or after the first day' };
  return null;
};

const objectiveLabel = (objective: Objective) =>
  `${objective.description}${isMetricId(objective.metric) ? ` (${metricDefinition(objective.metric).name})` : ''}`;

/** Applies on the button (WCAG 3.2.2); the page remounts it (via `key`) when the URL changes. */
export const FilterBar = ({
  label,
  departments,
  value,
  onApply,
  objectives,
  themes,
  showChannel = false,
}: FilterBarProps) => {
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<{ href: string; text: string } | null>(null);
  const errors = useMemo(() => (problem ? [problem] : []), [problem]);
  const set =
    <K extends keyof DashboardParams>(key: K) =>
    (next: DashboardParams[K]) =>
      setDraft((d) => ({ ...d, [key]: next }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = customProblem(draft);
    setProblem(found);
    if (!found) onApply(draft);
  };

  return (
    <>
      <ErrorSummary items={errors} />
      <form className="filters" onSubmit={submit} aria-label={label} noValidate>
        {departments.length > 1 && (
          <DepartmentSelect
            departments={departments}
            value={draft.department ?? ''}
            onChange={set('department')}
          />
        )}
        <SelectField
          id="period"
          label="Period"
          value={draft.period}
          onChange={(v) => set('period')(v as DashboardParams['period'])}
        >
          {PERIODS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </SelectField>
        {draft.period === 'custom' && (
          <>
            <TextField
              id="from"
              label="First day"
              type="date"
              value={draft.from}
              error={problem?.href === '#from' ? problem.text : undefined}
              onChange={(e) => set('from')(e.target.value)}
            />
            <TextField
              id="to"
              label="Last day"
              type="date"
              value={draft.to}
              error={problem?.href === '#to' ? problem.text : undefined}
              onChange={(e) => set('to')(e.target.value)}
            />
          </>
        )}
        <SelectField
          id="compare"
          label="Compare with"
          value={draft.compare}
          onChange={(v) => set('compare')(v as DashboardParams['compare'])}
        >
          <option value="previous">The period before</option>
          <option value="none">No comparison</option>
        </SelectField>
        {objectives && objectives.length > 0 && (
          <SelectField id="objective" label="Objective" value={draft.objective} onChange={set('objective')}>
            <option value="">No objective</option>
            {objectives.map((o) => (
              <option key={o.id} value={o.id}>
                {objectiveLabel(o)}
              </option>
            ))}
          </SelectField>
        )}
        {themes && themes.length > 0 && (
          <SelectField id="theme" label="Theme" value={draft.theme} onChange={set('theme')}>
            <option value="">Every theme</option>
            {themes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </SelectField>
        )}
        {showChannel && (
          <SelectField id="channel" label="Channel" value={draft.channel} onChange={set('channel')}>
            {CHANNELS.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </SelectField>
        )}
        <Button type="submit" variant="secondary" className="filters__apply">
          Show figures
        </Button>
      </form>
    </>
  );
};
