import { accountSecretAad, openSecrets, type PublishAccountRow } from '@parley/db';
import { DomainError } from '@parley/domain';
import { PUBLISHERS, type PublishAccount } from '@parley/ingest';

/** Where a handle is written with or without its leading @, and any case. */
const sameHandle = (a: string, b: string) =>
  a.replace(/^@/, '').toLowerCase() === b.replace(/^@/, '').toLowerCase();

/** The department account named `handle`; with two of that name, the one on the conversation's platform. */
export const findAccount = (
  accounts: PublishAccountRow[],
  handle: string,
  platform: string,
): PublishAccountRow => {
  const named = accounts.filter((a) => sameHandle(a.handle, handle));
  const account = named.find((a) => a.platform === platform) ?? named[0];
  if (!account) {
    const known = accounts.map((a) => a.handle).join(', ') || 'none yet';
    const message = `"${handle}" is not one of the department's accounts (${known}): add it to the workspace document, or leave the account out.`;
    throw new DomainError('invalid', message, [{ path: 'account', message }]);
  }
  return account;
};

/** The account with its credential opened, ready to post; refused with what to do when it cannot be. */
export const publishableAccount = (account: PublishAccountRow, secretKey: string): PublishAccount => {
  const fail = (message: string) => new DomainError('invalid', message, [{ path: 'account', message }]);
  if (!Object.hasOwn(PUBLISHERS, account.platform))
    throw fail(
      `Parley cannot post to ${account.platform}: post it there and record the reply with its address.`,
    );
  let secret: string | undefined;
  try {
    secret = openSecrets(account.secret, secretKey, accountSecretAad(account)).credential;
  } catch {
    throw fail(
      `The credential of ${account.handle} does not open with this server's key: set it again in the workspace document.`,
    );
  }
  if (!secret) {
    const name = account.platform === 'mastodon' ? 'an access token' : 'an app password';
    throw fail(`Parley has no credential for ${account.handle}: give it ${name} in the workspace document.`);
  }
  return { platform: account.platform, handle: account.handle, site: account.site, secret };
};
