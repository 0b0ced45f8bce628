import type { DraftAccount } from '@parley/contracts';

type AccountChoiceProps = {
  accounts: readonly DraftAccount[];
  value: DraftAccount | null;
  onChange: (account: DraftAccount | null) => void;
  disabled?: boolean;
};

const PLATFORM_NAMES: Record<string, string> = {
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  web: 'Web',
  discourse: 'Discourse',
  reddit: 'Reddit',
  hackernews: 'Hacker News',
};

export const accountLabel = (a: DraftAccount): string =>
  `${a.handle}${a.site ? ` on ${a.site}` : ''} (${PLATFORM_NAMES[a.platform] ?? a.platform})`;

const keyOf = (a: DraftAccount | null): string => (a ? `${a.platform} ${a.handle} ${a.site ?? ''}` : '');

/** Which of the department's accounts the reply will be posted from: being open about who is speaking. */
export const AccountChoice = ({ accounts, value, onChange, disabled = false }: AccountChoiceProps) => {
  if (accounts.length === 0) {
    return (
      <p className="draft-account">
        <strong>Posted from:</strong> the department has no accounts in Parley yet. An administrator can add them
        to the workspace.
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
        value={keyOf(value)}
        disabled={disabled}
        onChange={(event) => onChange(accounts.find((a) => keyOf(a) === event.target.value) ?? null)}
      >
        <option value="">Not chosen yet</option>
        {accounts.map((a) => (
          <option key={keyOf(a)} value={keyOf(a)}>
            {accountLabel(a)}
          </option>
        ))}
      </select>
    </div>
  );
};
