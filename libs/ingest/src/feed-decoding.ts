import { TextDecoder } from 'node:util';

/** UTF-32 first: its little-endian BOM begins with UTF-16LE's. */
const BOMS: Array<[bytes: number[], encoding: string]> = [
  [[0x00, 0x00, 0xfe, 0xff], 'utf-32be'],
  [[0xff, 0xfe, 0x00, 0x00], 'utf-32le'],
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/**
 * Without a BOM, a UTF-16 or UTF-32 document still shows itself by where the zero bytes fall around its first
 * character, which is ASCII ("<" or whitespace) in any XML or JSON document (XML 1.0 Appendix F). 1 = ASCII, 0 = zero.
 */
const ZERO_PATTERNS: Array<[pattern: string, encoding: string]> = [
  ['0001', 'utf-32be'],
  ['1000', 'utf-32le'],
  ['0101', 'utf-16be'],
  ['1010', 'utf-16le'],
];

const XML_DECLARATION = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

const bomEncoding = (body: Buffer): string | null =>
  BOMS.find(([bytes]) => bytes.every((byte, i) => body[i] === byte))?.[1] ?? null;

const zeroPatternEncoding = (body: Buffer): string | null => {
  if (body.length < 4) return null;
  const pattern = [...body.subarray(0, 4)].map((byte) => (byte === 0 ? '0' : '1')).join('');
  return ZERO_PATTERNS.find(([zeros]) => zeros === pattern)?.[1] ?? null;
};

/** The encoding named in the XML declaration, which is readable as ASCII in any 8-bit encoding. */
const declaredEncoding = (body: Buffer): string | null => {
  const label = XML_DECLARATION.exec(body.subarray(0, 512).toString('latin1'))?.[1].toLowerCase() ?? null;
  // A declaration we could read as ASCII cannot really be UTF-16/32, whatever it says.
  return label && !/^(utf-?16|utf-?32|ucs-?[24])/.test(label) ? label : null;
};

// Node's TextDecoder has no UTF-32, so its code points are read by hand; invalid ones become U+FFFD.
const decodeUtf32 = (body: Buffer, littleEndian: boolean): string => {
  const chars: string[] = [];
  for (let offset = 0; offset + 4 <= body.length; offset += 4) {
    const code = littleEndian ? body.readUInt32LE(offset) : body.readUInt32BE(offset);
    const valid = code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    chars.push(valid ? String.fromCodePoint(code) : '\uFFFD');
  }
  if (body.length % 4 !== 0) chars.push('\uFFFD');
  return chars.join('').replace(/^\uFEFF/, '');
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
 * Decodes a feed body to text: a BOM wins, then the zero bytes of UTF-16/32, then the XML declaration, then
 * UTF-8. Invalid byte sequences become U+FFFD rather than failing, because one bad byte should not lose a whole
 * feed.
 */
export const decodeFeedBody = (body: Buffer | string): string => {
  if (typeof body === 'string') return body.replace(/^\uFEFF/, '');
  const encoding = bomEncoding(body) ?? zeroPatternEncoding(body) ?? declaredEncoding(body) ?? 'utf-8';
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return decodeUtf32(body, encoding === 'utf-32le');
  return decoderFor(encoding).decode(body);
};
