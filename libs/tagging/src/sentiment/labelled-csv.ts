import { isSentimentLabel, parseCsv, SENTIMENT_LABELS, type SentimentLabel } from '@parley/domain';

export type LabelledText = { text: string; label: SentimentLabel };

/**
 * A team's labelled sample, CSV `text,label` (a header row `text,label` is allowed). Every bad row is reported by
 * its line, all at once, so a person can fix the file in one pass; nothing is evaluated until the file is whole.
 */
export const readLabelledCsv = (csv: string): LabelledText[] => {
  const records = parseCsv(csv.replace(/^\uFEFF/, ''));
  const rows =
    records[0]?.cells.map((c) => c.trim().toLowerCase()).join(',') === 'text,label'
      ? records.slice(1)
      : records;
  const problems: string[] = [];
  const labelled: LabelledText[] = [];
  for (const { line, cells } of rows) {
    const label = cells[1]?.trim().toLowerCase() ?? '';
    if (cells.length !== 2)
      problems.push(`line ${line}: expected 2 cells (text,label), found ${cells.length}`);
    else if (!isSentimentLabel(label))
      problems.push(`line ${line}: label "${cells[1]}" is not one of ${SENTIMENT_LABELS.join(', ')}`);
    else labelled.push({ text: cells[0], label });
  }
  if (problems.length) throw new Error(problems.join('\n'));
  return labelled;
};
