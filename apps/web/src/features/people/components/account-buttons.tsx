import { Button } from '../../../components/ui/button';
import { Tag } from '../../../components/ui/tag';
import type { AccountAction } from '../api/account-actions';
import type { Person, PersonRequest } from '../utils/person-requests';

type AccountButtonsProps = {
  person: Person;
  /** May disable, reset, sign out or unlock this account (never your own: that is on Your account). */
  manage: boolean;
  /** Workspace administrators may give and take workspace administration. */
  workspaceAdmin: boolean;
  onRequest: (request: PersonRequest) => void;
};

// Visible words first, then whose row it is, so the accessible name starts with what is on screen (WCAG 2.5.3).
export const whose = (name: string, before = '', after = '') => (
  <span className="visually-hidden">{` ${before}${name}${after}`}</span>
);

/** The actions on a whole account, as link-styled buttons in a table cell. */
export const AccountButtons = ({ person, manage, workspaceAdmin, onRequest }: AccountButtonsProps) => {
  const request = (action: AccountAction) => () => onRequest({ person, kind: 'account', action });
  return (
    <>
      {manage && person.locked && (
        <Button variant="link" onClick={request({ kind: 'unlock' })}>
          Unlock{whose(person.name)}
        </Button>
      )}
      {manage && (
        <Button variant="link" onClick={request({ kind: 'reset-password' })}>
          Reset password{whose(person.name, 'of ')}
        </Button>
      )}
      {manage && !person.disabled && (
        <Button variant="link" onClick={request({ kind: 'sign-out' })}>
          Sign out everywhere{whose(person.name, 'for ')}
        </Button>
      )}
      {manage && (
        <Button variant="link" onClick={request({ kind: person.disabled ? 'enable' : 'disable' })}>
          {person.disabled ? 'Enable' : 'Disable'}
          {whose(person.name)}
        </Button>
      )}
      {workspaceAdmin && (
        <Button
          variant="link"
          onClick={request({ kind: 'workspace-admin', workspaceAdmin: !person.workspaceAdmin })}
        >
          {person.workspaceAdmin ? 'Remove workspace admin' : 'Make workspace admin'}
          {whose(person.name, 'for ')}
        </Button>
      )}
    </>
  );
};

/** Disabled, locked and workspace administrator, in words (the colour only helps). */
export const PersonTags = ({ person }: { person: Person }) => (
  <span className="people-table__tags">
    {person.disabled ? <Tag tone="red">Disabled</Tag> : <Tag tone="green">Active</Tag>}
    {person.locked && <Tag tone="orange">Locked</Tag>}
    {person.workspaceAdmin && <Tag tone="purple">Workspace admin</Tag>}
  </span>
);
