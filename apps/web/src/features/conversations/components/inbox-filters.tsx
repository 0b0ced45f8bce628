import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { SORTS, SORT_LABELS, type InboxParams, type InboxSort } from '../utils/inbox-params';

type InboxFiltersProps = {
  departments: { key: string; name: string }[];
  value: InboxParams;
  onApply: (next: InboxParams) => void;
};

/**
 * Choices apply on the button, not on change: a select that reloads the list while someone arrows through it
 * would be a change of context on input (WCAG 3.2.2). The parent remounts this (via `key`) when the URL changes.
 */
export const InboxFilters = ({ departments, value, onApply }: InboxFiltersProps) => {
  const [department, setDepartment] = useState(value.department ?? '');
  const [sort, setSort] = useState<InboxSort>(value.sort);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply({ department: department || null, sort });
  };

  return (
    <form className="filters" onSubmit={submit} aria-label="Choose conversations">
      <div className="form-group form-group--inline">
        <label className="label" htmlFor="department">
          Department
        </label>
        <select
          id="department"
          name="department"
          className="select"
          value={department}
          onChange={(e) => setDepartment(e.target.value)}
        >
          {departments.map((d) => (
            <option key={d.key} value={d.key}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-group form-group--inline">
        <label className="label" htmlFor="sort">
          Sort by
        </label>
        <select
          id="sort"
          name="sort"
          className="select"
          value={sort}
          onChange={(e) => setSort(e.target.value as InboxSort)}
        >
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary" className="filters__apply">
        Show conversations
      </Button>
    </form>
  );
};
