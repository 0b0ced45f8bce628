import { TextDecoder } from 'node:util';

const BOMS: Array<[bytes: number[], encoding: string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

const XML_DECLARATION = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

const bomEncoding = (body: Buffer): string | null =>
  BOMS.find(([bytes]) => bytes.every((byte, i) => body[i] === byte))?.[1] ?? null;

/** The encoding named in the XML declaration, which is readable as ASCII in any 8-bit encoding. */
const declaredEncoding = (body: Buffer): string | null => {
  const label = XML_DECLARATION.exec(body.subarray(0, 512).toString('latin1'))?.[1].toLowerCase() ?? null;
  // A declaration we could read as ASCII cannot really be UTF-16/32, whatever it says.
  return label && !/^(utf-?16|utf-?32|ucs-?[24])/.test(label) ? label : null;
};

const decoderFor = (encoding: string): TextDecoder => {
  try {
    return new TextDecoder(encoding);
  } catch {
    // An unknown label is far more often a typo for UTF-8 than anything exotic.
    return new TextDecoder('utf-8');
  }
};

/**
 * Decodes a feed body to text: a BOM wins, then the XML declaration, then UTF-8. Invalid byte sequences
 * become U+FFFD rather than failing, because one bad byte should not lose a whole feed.
 */
export const decodeFeedBody = (body: Buffer | string): string => {
  if (typeof body === 'string') return body.replace(/^\uFEFF/, '');
  const encoding = bomEncoding(body) ?? declaredEncoding(body) ?? 'utf-8';
  return decoderFor(encoding).decode(body);
};
