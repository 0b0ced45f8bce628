import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  OPPORTUNITY_STATUSES,
  ROUTES,
  SLA_STATES,
  type OpportunityStatus,
  type Route,
  type SlaState,
} from '@parley/domain';
import { Button } from '../../../components/ui/button';
import { DepartmentSelect } from '../../../components/ui/department-select';
import { SORTS, type InboxParams, type InboxSort } from '../utils/inbox-params';
import { routeLabel } from '../utils/labels';

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

const ASSIGNEES = ['', 'me', 'nobody'];
const SORT_KEYS = { score: 'filters.sortScore', recent: 'filters.sortRecent' } as const;

/**
 * Choices apply on the button, not on change: a select that reloads the list while someone arrows through it
 * would be a change of context on input (WCAG 3.2.2). The parent remounts this (via `key`) when the URL changes.
 */
export const InboxFilters = ({ departments, sources, value, onApply }: InboxFiltersProps) => {
  const { t } = useTranslation();
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
  const assigneeOptions: Option[] = [
    { value: '', label: t('filters.anyone') },
    { value: 'me', label: t('filters.me') },
    { value: 'nobody', label: t('filters.nobody') },
  ];
  const assignees = ASSIGNEES.includes(assignee)
    ? assigneeOptions
    : [...assigneeOptions, { value: assignee, label: t('filters.linkedPerson') }];

  return (
    <form className="filters" onSubmit={submit} aria-label={t('filters.label')}>
      <DepartmentSelect departments={departments} value={department} onChange={setDepartment} />
      <SelectField
        id="sort"
        label={t('filters.sort')}
        value={sort}
        options={SORTS.map((s) => ({ value: s, label: t(SORT_KEYS[s]) }))}
        onChange={(v) => setSort(v as InboxSort)}
      />
      <div className="form-group form-group--inline">
        <label className="label" htmlFor="q">
          {t('filters.words')}
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
          {t('filters.wordsHint')}
        </p>
      </div>
      <SelectField
        id="assignee"
        label={t('filters.assignee')}
        value={assignee}
        options={assignees}
        onChange={setAssignee}
      />
      <SelectField
        id="route"
        label={t('filters.route')}
        value={route}
        options={[
          { value: '', label: t('filters.anyRoute') },
          ...ROUTES.map((r) => ({ value: r, label: routeLabel(r) })),
        ]}
        onChange={setRoute}
      />
      <SelectField
        id="sla"
        label={t('filters.sla')}
        value={sla}
        options={[
          { value: '', label: t('filters.any') },
          ...SLA_STATES.map((s) => ({ value: s, label: t(`sla.${s}`) })),
        ]}
        onChange={setSla}
      />
      <SelectField
        id="source"
        label={t('filters.source')}
        value={source}
        options={[
          { value: '', label: t('filters.everySource') },
          ...sources.map((s) => ({ value: s.key, label: s.name })),
        ]}
        onChange={setSource}
      />
      <fieldset className="fieldset filters__statuses" aria-describedby="status-hint">
        <legend className="label">{t('filters.status')}</legend>
        <p id="status-hint" className="hint">
          {t('filters.statusHint')}
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
                {t(`status.${s}`)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <Button type="submit" variant="secondary" className="filters__apply">
        {t('filters.apply')}
      </Button>
    </form>
  );
};
