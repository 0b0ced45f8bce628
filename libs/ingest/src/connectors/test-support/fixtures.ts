import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A JSON fixture from connectors/fixtures, parsed. */
export const fixture = (path: string): unknown =>
  JSON.parse(readFileSync(resolve(__dirname, '../fixtures', path), 'utf8')) as unknown;
