import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';

type DepartmentChooserProps = {
  departments: { key: string; name: string }[];
  value: string;
  onApply: (department: string) => void;
};

/** Applies on the button, not on change, so arrowing through the list does not reload the page (WCAG 3.2.2). */
export const DepartmentChooser = ({ departments, value, onApply }: DepartmentChooserProps) => {
  const [department, setDepartment] = useState(value);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(department);
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Choose a department">
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
      <Button type="submit" variant="secondary" className="filters__apply">
        Show rules
      </Button>
    </form>
  );
};
