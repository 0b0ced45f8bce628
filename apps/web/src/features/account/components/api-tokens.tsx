import { useState, type FormEvent } from 'react';
import type { ApiToken, CreateTokenResponse } from '@parley/contracts';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { DateTime } from '../../../components/ui/date-time';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Loading } from '../../../components/ui/loading';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { OneTimeSecret } from '../../../components/ui/one-time-secret';
import { Tag } from '../../../components/ui/tag';
import { TextField } from '../../../components/ui/text-field';
import { formFailure, noFailure, summaryOf, type FormFailure } from '../../../lib/form-failure';
import { formatDateTime } from '../../../lib/format';
import { useCreateToken } from '../api/create-token';
import { useTokens } from '../api/get-tokens';
import { useRevokeToken } from '../api/revoke-token';

const FIELDS = ['name'] as const;

type Outcome = { kind: 'created'; token: CreateTokenResponse } | { kind: 'revoked'; name: string };

/** Tokens let scripts call the api as you (`Authorization: Bearer …`); each is shown once, when it is made. */
export const ApiTokens = () => {
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [failure, setFailure] = useState<FormFailure<'name'>>(noFailure);
  const [outcome, setOutcome] = useState<{ outcome: Outcome; key: number } | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const show = (next: Outcome) => setOutcome((last) => ({ outcome: next, key: (last?.key ?? 0) + 1 }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!name.trim()) {
      setFailure({ fields: { name: 'Enter a name for the token, like Weekly report script' }, other: [] });
      return;
    }
    setFailure(noFailure());
    create.mutate(name.trim(), {
      onSuccess: (token) => {
        setName('');
        show({ kind: 'created', token });
      },
      onError: (error) => setFailure(formFailure(error, FIELDS)),
    });
  };
  const confirmRevoke = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: (revoked) => {
        setRevoking(null);
        show({ kind: 'revoked', name: revoked.name });
      },
      onError: () => setRevoking(null),
    });
  };

  return (
    <section aria-labelledby="tokens-title">
      <h2 id="tokens-title" className="heading-m">
        Your API tokens
      </h2>
      <p>
        A token lets a script use Parley’s API as you, with your rights, by sending{' '}
        <code className="code">Authorization: Bearer</code> and the token. A token stops working when it
        expires; then make a new one. Revoke a token you no longer use. Only you, signed in here, can make
        tokens: a token cannot make more.
      </p>
      {outcome?.outcome.kind === 'created' && (
        <NotificationBanner title="Success" focusKey={outcome.key}>
          <p className="notification-banner__heading">Token “{outcome.outcome.token.name}” created</p>
          <p>
            Copy it now and keep it somewhere safe: it is shown only this once. It works until{' '}
            {formatDateTime(outcome.outcome.token.expiresAt)}.
          </p>
          <OneTimeSecret label={`Token ${outcome.outcome.token.name}`} value={outcome.outcome.token.token} />
        </NotificationBanner>
      )}
      {outcome?.outcome.kind === 'revoked' && (
        <NotificationBanner title="Success" focusKey={outcome.key}>
          <p className="notification-banner__heading">
            Token “{outcome.outcome.name}” revoked: it no longer works
          </p>
        </NotificationBanner>
      )}
      {revoke.isError && <ErrorPanel title="The token was not revoked" error={revoke.error} />}
      <ErrorSummary items={summaryOf(failure, FIELDS)} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="name"
          label="Name of a new token"
          hint="Say what uses it, so you know what stops working if you revoke it."
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={failure.fields.name}
        />
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create token'}
        </Button>
      </form>
      {tokens.isPending ? (
        <Loading label="Loading your API tokens" />
      ) : tokens.isError ? (
        <ErrorPanel
          title="Your API tokens could not be loaded"
          error={tokens.error}
          onRetry={() => void tokens.refetch()}
        />
      ) : tokens.data.length === 0 ? (
        <p className="secondary-text">You have no API tokens.</p>
      ) : (
        <TokensTable tokens={tokens.data} onRevoke={setRevoking} />
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke the token “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke token"
        destructive
        busy={revoke.isPending}
        onConfirm={confirmRevoke}
        onCancel={() => setRevoking(null)}
      >
        <p>Anything using it stops working at once. This cannot be undone: you would make a new token.</p>
      </ConfirmDialog>
    </section>
  );
};

const TokenStatus = ({ token, now }: { token: ApiToken; now: Date }) => {
  if (token.revokedAt) return <Tag tone="grey">Revoked</Tag>;
  if (Date.parse(token.expiresAt) <= now.getTime()) return <Tag tone="grey">Expired</Tag>;
  return <Tag tone="green">Active</Tag>;
};

const TokensTable = ({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke: (token: ApiToken) => void }) => {
  const now = new Date();
  return (
    <div className="table-scroll" role="region" aria-labelledby="tokens-caption" tabIndex={0}>
      <table className="table tokens-table">
        <caption id="tokens-caption" className="table__caption">
          {tokens.length === 1 ? '1 API token' : `${tokens.length} API tokens`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Expires</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <th scope="row">{token.name}</th>
              <td>
                <DateTime value={token.createdAt} now={now} variant="compact" />
              </td>
              <td>
                <DateTime value={token.lastUsedAt} now={now} variant="compact" fallback="Never" />
              </td>
              <td>
                <DateTime value={token.expiresAt} now={now} variant="compact" />
              </td>
              <td>
                <TokenStatus token={token} now={now} />
              </td>
              <td>
                {!token.revokedAt && (
                  <Button variant="link" onClick={() => onRevoke(token)}>
                    Revoke<span className="visually-hidden"> {token.name}</span>
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
