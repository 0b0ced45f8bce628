import { useState, type FormEvent } from 'react';
import {
  OPPORTUNITY_STATUSES,
  ROUTES,
  SLA_STATES,
  STATUS_LABELS,
  type OpportunityStatus,
  type Route,
  type SlaState,
} from '@parley/domain';
import { Button } from '../../../components/ui/button';
import { DepartmentSelect } from '../../../components/ui/department-select';
import { SORTS, SORT_LABELS, type InboxParams, type InboxSort } from '../utils/inbox-params';
import { routeLabel } from '../utils/labels';
import { SLA_LABELS } from '../utils/work-labels';

type InboxFiltersProps = {
  departments: { key: string; name: string }[];
  sources: { key: string; name: string }[];
  value: InboxParams;
  onApply: (next: InboxParams) => void;
};

type Option = { value: string; label: string };

const SelectField = ({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
}) => (
  <div className="form-group form-group--inline">
    <label className="label" htmlFor={id}>
      {label}
    </label>
    <select id={id} name={id} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  </div>
);

const ASSIGNEE_OPTIONS: Option[] = [
  { value: '', label: 'Anyone or nobody' },
  { value: 'me', label: 'Me' },
  { value: 'nobody', label: 'Nobody yet' },
];

/**
 * Choices apply on the button, not on change: a select that reloads the list while someone arrows through it
 * would be a change of context on input (WCAG 3.2.2). The parent remounts this (via `key`) when the URL changes.
 */
export const InboxFilters = ({ departments, sources, value, onApply }: InboxFiltersProps) => {
  const [department, setDepartment] = useState(value.department ?? '');
  const [sort, setSort] = useState<InboxSort>(value.sort);
  const [status, setStatus] = useState<OpportunityStatus[]>(value.status);
  const [assignee, setAssignee] = useState(value.assignee ?? '');
  const [route, setRoute] = useState(value.route ?? '');
  const [sla, setSla] = useState(value.sla ?? '');
  const [source, setSource] = useState(value.source ?? '');
  const [q, setQ] = useState(value.q);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply({
      department: department || null,
      sort,
      status: OPPORTUNITY_STATUSES.filter((s) => status.includes(s)),
      assignee: assignee || null,
      route: (route || null) as Route | null,
      sla: (sla || null) as SlaState | null,
      source: source || null,
      q: q.trim(),
    });
  };
  const toggle = (s: OpportunityStatus, on: boolean) =>
    setStatus((current) => (on ? [...current, s] : current.filter((c) => c !== s)));
  // A link may name someone by id; keep it choosable rather than silently widening the view.
  const assignees =
    assignee && !ASSIGNEE_OPTIONS.some((o) => o.value === assignee)
      ? [...ASSIGNEE_OPTIONS, { value: assignee, label: 'The person in the link' }]
      : ASSIGNEE_OPTIONS;

  return (
    <form className="filters" onSubmit={submit} aria-label="Choose conversations">
      <DepartmentSelect departments={departments} value={department} onChange={setDepartment} />
      <SelectField
        id="sort"
        label="Sort by"
        value={sort}
        options={SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
        onChange={(v) => setSort(v as InboxSort)}
      />
      <div className="form-group form-group--inline">
        <label className="label" htmlFor="q">
          Words in the conversation
        </label>
        <input
          id="q"
          name="q"
          type="search"
          className="input"
          value={q}
          maxLength={200}
          onChange={(e) => setQ(e.target.value)}
          aria-describedby="q-hint"
        />
        <p id="q-hint" className="hint">
          Put a phrase in quotes; a minus leaves a word out.
        </p>
      </div>
      <SelectField
        id="assignee"
        label="Assigned to"
        value={assignee}
        options={assignees}
        onChange={setAssignee}
      />
      <SelectField
        id="route"
        label="Suggested route"
        value={route}
        options={[
          { value: '', label: 'Any route' },
          ...ROUTES.map((r) => ({ value: r, label: routeLabel(r) })),
        ]}
        onChange={setRoute}
      />
      <SelectField
        id="sla"
        label="First response"
        value={sla}
        options={[
          { value: '', label: 'Any' },
          ...SLA_STATES.map((s) => ({ value: s, label: SLA_LABELS[s] })),
        ]}
        onChange={setSla}
      />
      <SelectField
        id="source"
        label="Source"
        value={source}
        options={[
          { value: '', label: 'Every source' },
          ...sources.map((s) => ({ value: s.key, label: s.name })),
        ]}
        onChange={setSource}
      />
      <fieldset className="fieldset filters__statuses" aria-describedby="status-hint">
        <legend className="label">Status</legend>
        <p id="status-hint" className="hint">
          None ticked: everything except work no rule matches any more.
        </p>
        <div className="filters__status-list">
          {OPPORTUNITY_STATUSES.map((s) => (
            <div key={s} className="checkbox checkbox--small">
              <input
                id={`status-${s}`}
                type="checkbox"
                className="checkbox__input"
                checked={status.includes(s)}
                onChange={(e) => toggle(s, e.target.checked)}
              />
              <label className="checkbox__label" htmlFor={`status-${s}`}>
                {STATUS_LABELS[s]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <Button type="submit" variant="secondary" className="filters__apply">
        Show conversations
      </Button>
    </form>
  );
};
