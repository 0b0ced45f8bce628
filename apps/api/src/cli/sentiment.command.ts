import { readFile } from 'node:fs/promises';
import { evaluateClassifier, type ClassifierEvaluation } from '@parley/domain';
import { classifySentiment, readLabelledCsv, type SentimentResult } from '@parley/tagging';

/** `parley sentiment classify FILE`: one text a line in, one `{label, score}` a line out (blank lines too, so lines pair up). */
export const classifyLines = (text: string): SentimentResult[] =>
  text
    .replace(/\r?\n$/, '')
    .split(/\r?\n/)
    .map((line) => classifySentiment(line));

/** `parley sentiment evaluate FILE`: the classifier against a team's own labelled CSV. */
export const evaluateCsv = (csv: string): ClassifierEvaluation =>
  evaluateClassifier(
    readLabelledCsv(csv).map(({ text, label }) => ({
      gold: label,
      predicted: classifySentiment(text).label,
    })),
  );

export const sentimentCommand = async (args: string[], usage: string): Promise<void> => {
  const [action, file] = args;
  if (!file || (action !== 'classify' && action !== 'evaluate')) throw new Error(usage);
  const text = await readFile(file, 'utf8');
  if (action === 'classify') {
    process.stdout.write(
      classifyLines(text)
        .map((r) => `${JSON.stringify(r)}\n`)
        .join(''),
    );
  } else {
    console.log(JSON.stringify(evaluateCsv(text)));
  }
};
