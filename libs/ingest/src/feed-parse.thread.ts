import { isDomainError, type DomainErrorCode, type NormalisedFeed } from '@parley/domain';
import { isMainThread, parentPort } from 'node:worker_threads';
import { normaliseFeed, type FeedContext } from './feed-normaliser';

export type FeedParseTask = { body: Uint8Array | string; context: FeedContext };

/** Errors lose their class crossing to another thread, so a DomainError comes back as its code and message. */
export type FeedParseAnswer =
  { feed: NormalisedFeed } | { failure: { code: DomainErrorCode; message: string } } | { crash: string };

/** Decodes, parses and normalises one feed body. */
export const parseFeedTask = ({ body, context }: FeedParseTask): FeedParseAnswer => {
  // A Buffer arrives as a plain Uint8Array; the decoder reads it with Buffer's methods.
  const bytes = typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  try {
    return { feed: normaliseFeed(bytes, context) };
  } catch (error) {
    if (isDomainError(error)) return { failure: { code: error.code, message: error.message } };
    return { crash: error instanceof Error ? error.message : String(error) };
  }
};

// Loaded as a worker thread by FeedParsePool: one task at a time, each answered in turn.
if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on('message', (task: FeedParseTask) => port.postMessage(parseFeedTask(task)));
}
