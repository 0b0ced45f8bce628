import { useState, type FormEvent } from 'react';
import type { Role } from '@parley/domain';
import { Button } from '../../../components/ui/button';
import { ROLE_OPTIONS, roleName } from '../utils/roles';

type RoleFormProps = { memberId: string; memberName: string; role: Role; onChange: (role: Role) => void };

/** A role select applied by its button, not on change, so arrowing through the options changes nothing (WCAG 3.2.2). */
export const RoleForm = ({ memberId, memberName, role, onChange }: RoleFormProps) => {
  const [value, setValue] = useState<Role>(role);
  const id = `role-${memberId}`;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (value !== role) onChange(value);
  };
  return (
    <form className="people-table__role" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={id}>
        Role of {memberName}
      </label>
      <select id={id} className="select" value={value} onChange={(e) => setValue(e.target.value as Role)}>
        {ROLE_OPTIONS.map((r) => (
          <option key={r} value={r}>
            {roleName(r)}
          </option>
        ))}
      </select>
      <Button type="submit" variant="link">
        Change role<span className="visually-hidden"> of {memberName}</span>
      </Button>
    </form>
  );
};
