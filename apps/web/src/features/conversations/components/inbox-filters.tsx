import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { SORTS, SORT_LABELS, type InboxParams, type InboxSort } from '../utils/inbox-params';
import { DepartmentSelect } from '../../../components/ui/department-select';

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
      <DepartmentSelect departments={departments} value={department} onChange={setDepartment} />
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
