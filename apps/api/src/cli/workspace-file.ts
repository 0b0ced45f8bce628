import type { WorkspaceDocument } from '@parley/contracts';
import { DomainError } from '@parley/domain';
import { readFile, writeFile } from 'node:fs/promises';
import { parse, stringify } from 'yaml';

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

const HEADER = `# A Parley workspace document (see examples/README.md). Apply it with: npm run parley -- apply FILE
# Secrets show only as { set: true } (keep the stored one) or { set: false }; write a value to change one.
`;

/** The document as YAML: written to `path`, or returned for printing when there is none. */
export const workspaceYaml = (doc: WorkspaceDocument): string =>
  HEADER + stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });

export const writeWorkspaceFile = async (path: string, doc: WorkspaceDocument): Promise<void> => {
  try {
    await writeFile(path, workspaceYaml(doc), { mode: 0o600 });
  } catch (error) {
    throw new DomainError('invalid', `Cannot write ${path}: ${(error as Error).message}`);
  }
};
