import { useState, type FormEvent } from 'react';
import type { MemberAdded } from '@parley/contracts';
import type { Role } from '@parley/domain';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { TextField } from '../../../components/ui/text-field';
import { formFailure, noFailure, summaryOf, type FormFailure } from '../../../lib/form-failure';
import { useAddMember } from '../api/add-member';
import { ROLE_LABELS, ROLE_OPTIONS } from '../utils/roles';

const FIELDS = ['email', 'name', 'role'] as const;
type Field = (typeof FIELDS)[number];

type AddMemberFormProps = {
  department: string;
  departmentName: string;
  onAdded: (added: MemberAdded) => void;
};

export const AddMemberForm = ({ department, departmentName, onAdded }: AddMemberFormProps) => {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [failure, setFailure] = useState<FormFailure<Field>>(noFailure);
  const add = useAddMember({
    onSuccess: (added) => {
      setEmail('');
      setName('');
      setRole('viewer');
      onAdded(added);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields: FormFailure<Field>['fields'] = {};
    if (!email.trim()) fields.email = 'Enter their email address';
    setFailure({ fields, other: [] });
    if (Object.keys(fields).length > 0) return;
    add.mutate(
      { department, member: { email: email.trim(), role, ...(name.trim() ? { name: name.trim() } : {}) } },
      { onError: (error) => setFailure(formFailure(error, FIELDS)) },
    );
  };
  return (
    <section aria-labelledby="add-member-title">
      <h2 id="add-member-title" className="heading-m">
        Add someone to {departmentName}
      </h2>
      <ErrorSummary items={summaryOf(failure, FIELDS)} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="email"
          label="Email address"
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={failure.fields.email}
        />
        <TextField
          id="name"
          label="Full name (only for someone new to Parley)"
          hint="If they do not have a Parley account yet, one is made, with a password shown to you once."
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={failure.fields.name}
        />
        <div className={`form-group${failure.fields.role ? ' form-group--error' : ''}`}>
          <label className="label" htmlFor="role">
            Role
          </label>
          <p id="role-hint" className="hint">
            {ROLE_OPTIONS.map((r) => `${ROLE_LABELS[r].name}: ${ROLE_LABELS[r].description}.`).join(' ')}
          </p>
          <select
            id="role"
            className="select"
            value={role}
            aria-describedby="role-hint"
            onChange={(e) => setRole(e.target.value as Role)}
          >
            {ROLE_OPTIONS.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r].name}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add to department'}
        </Button>
      </form>
    </section>
  );
};
