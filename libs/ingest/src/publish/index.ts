import { DomainError } from '@parley/domain';
import { publishToBluesky } from './bluesky.publisher';
import { publishToMastodon } from './mastodon.publisher';
import type { PublishRequest, Published } from './publisher';

export * from './publisher';
export { recordKeyOf } from './bluesky.publisher';

/** The platforms Parley can post to, and the credential each account needs for it. */
export const PUBLISHERS: Record<string, (request: PublishRequest) => Promise<Published>> = {
  mastodon: publishToMastodon,
  bluesky: publishToBluesky,
};

export const publishPost = async (request: PublishRequest): Promise<Published> => {
  const publish = PUBLISHERS[request.account.platform];
  if (!publish)
    throw new DomainError(
      'invalid',
      `Parley cannot post to ${request.account.platform}: record the reply with its URL instead.`,
    );
  return publish(request);
};
