import { DomainError } from '@parley/domain';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

/** Reads a workspace document from YAML or JSON (JSON is YAML, so one parser serves both). */
export const readWorkspaceFile = async (path: string): Promise<unknown> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new DomainError('invalid', `Cannot read ${path}: check the path.`);
  }
  try {
    return parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new DomainError('invalid', `${path} is not valid YAML or JSON: ${(error as Error).message}`);
  }
};
