import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, inflateRaw, type ZlibOptions } from 'node:zlib';
import { FetchError } from './fetch-error';
import { formatBytes } from './fetch-format';

export const ACCEPT_ENCODING = 'gzip, deflate, br';

type Decoder = (input: Buffer, options: ZlibOptions) => Promise<Buffer>;

const gunzipAsync: Decoder = promisify(gunzip);
const inflateAsync: Decoder = promisify(inflate);
const inflateRawAsync: Decoder = promisify(inflateRaw);
const brotliAsync: Decoder = promisify(brotliDecompress);

// Some servers send raw deflate data under "deflate" instead of the zlib-wrapped stream the spec asks for.
const inflateEither: Decoder = (input, options) =>
  inflateAsync(input, options).catch(() => inflateRawAsync(input, options));

const DECODERS: Record<string, Decoder> = {
  gzip: gunzipAsync,
  'x-gzip': gunzipAsync,
  deflate: inflateEither,
  br: brotliAsync,
};

const errorCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

const decodeOnce = async (
  input: Buffer,
  encoding: string,
  maxBytes: number,
  label: string,
): Promise<Buffer> => {
  const decoder = DECODERS[encoding];
  if (!decoder)
    throw new FetchError(
      'fetch_failed',
      `${label} answered with an unsupported content-encoding "${encoding}"`,
    );
  try {
    // maxOutputLength caps the decoded size, so a small compressed "bomb" fails instead of filling memory.
    return await decoder(input, { maxOutputLength: maxBytes });
  } catch (error) {
    if (errorCode(error) === 'ERR_BUFFER_TOO_LARGE')
      throw new FetchError(
        'fetch_failed',
        `${label} sent a body that decompresses to more than ${formatBytes(maxBytes)}; the limit (maxBytes) protects the worker's memory`,
      );
    throw new FetchError(
      'fetch_failed',
      `${label} sent a corrupt ${encoding} body (${errorCode(error) ?? 'unreadable'})`,
    );
  }
};

/** Undoes Content-Encoding (applied in order, so undone in reverse), keeping every stage under `maxBytes`. */
export const decodeContent = async (
  raw: Buffer,
  contentEncoding: string | undefined,
  maxBytes: number,
  label: string,
): Promise<Buffer> => {
  const encodings = (contentEncoding ?? '')
    .split(',')
    .map((value) => value.trim().toLowerCase())
    .filter((value) => value && value !== 'identity');
  let body = raw;
  for (const encoding of encodings.reverse()) {
    if (body.length === 0) break;
    body = await decodeOnce(body, encoding, maxBytes, label);
  }
  return body;
};
