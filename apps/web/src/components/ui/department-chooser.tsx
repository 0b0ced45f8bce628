import { useState, type FormEvent } from 'react';
import { Button } from './button';
import { DepartmentSelect } from './department-select';

type DepartmentChooserProps = {
  departments: { key: string; name: string }[];
  value: string;
  onApply: (department: string) => void;
  /** What the button shows, like "Show rules". */
  submitLabel: string;
};

/** Applies on the button, not on change, so arrowing through the list does not reload the page (WCAG 3.2.2). */
export const DepartmentChooser = ({ departments, value, onApply, submitLabel }: DepartmentChooserProps) => {
  const [department, setDepartment] = useState(value);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(department);
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Choose a department">
      <DepartmentSelect departments={departments} value={department} onChange={setDepartment} />
      <Button type="submit" variant="secondary" className="filters__apply">
        {submitLabel}
      </Button>
    </form>
  );
};
