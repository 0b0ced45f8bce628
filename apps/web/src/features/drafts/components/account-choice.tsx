import type { DraftAccount } from '@parley/contracts';
import { accountKey, accountLabel } from '../utils/accounts';

type AccountChoiceProps = {
  accounts: readonly DraftAccount[];
  value: DraftAccount | null;
  onChange: (account: DraftAccount | null) => void;
  disabled?: boolean;
};

/** Which of the department's accounts the reply will be posted from: being open about who is speaking. */
export const AccountChoice = ({ accounts, value, onChange, disabled = false }: AccountChoiceProps) => {
  if (accounts.length === 0) {
    return (
      <p className="draft-account">
        <strong>Posted from:</strong> the department has no accounts in Parley yet. An administrator can add
        them to the workspace.
      </p>
    );
  }
  return (
    <div className="form-group">
      <label className="label" htmlFor="draft-account">
        Account it will be posted from
      </label>
      <select
        id="draft-account"
        className="select"
        value={accountKey(value)}
        disabled={disabled}
        onChange={(event) => onChange(accounts.find((a) => accountKey(a) === event.target.value) ?? null)}
      >
        <option value="">Not chosen yet</option>
        {accounts.map((a) => (
          <option key={accountKey(a)} value={accountKey(a)}>
            {accountLabel(a)}
          </option>
        ))}
      </select>
    </div>
  );
};
