import { FetchError } from './fetch-error';
import { formatBytes } from './fetch-format';

const tooLarge = (label: string, maxBytes: number) =>
  new FetchError(
    'fetch_failed',
    `${label} sent a body larger than ${formatBytes(maxBytes)}; the limit (maxBytes) protects the worker's memory`,
  );

/** Refuses early when the server announces a body past the limit, before reading any of it. */
export const checkDeclaredLength = (
  contentLength: string | undefined,
  maxBytes: number,
  label: string,
): void => {
  if (contentLength && Number(contentLength) > maxBytes) throw tooLarge(label, maxBytes);
};

/** Reads a body into memory, counting bytes as they arrive, and stops reading as soon as it passes `maxBytes`. */
export const readLimitedBody = async (
  body: AsyncIterable<Buffer>,
  maxBytes: number,
  onChunk: () => void,
  label: string,
): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    onChunk();
    size += chunk.length;
    // Throwing inside for-await ends the iteration, which destroys the stream and its socket.
    if (size > maxBytes) throw tooLarge(label, maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
};
