import type { RecordsFormat } from '@parley/contracts';

/** What the records office asks for: a department's engagements over whole days, in one open format. */
export type RecordsParams = { department: string; from: string; to: string; format: RecordsFormat };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The three formats, in plain words, each saying what it is for. */
export const RECORDS_FORMAT_OPTIONS: { value: RecordsFormat; label: string; hint: string }[] = [
  {
    value: 'html',
    label: 'A web page (HTML)',
    hint: 'One page to read, print or keep: every reply with its conversation, drafts and clearance.',
  },
  {
    value: 'csv',
    label: 'A spreadsheet (CSV)',
    hint: 'One row for each reply, for a records system or a spreadsheet.',
  },
  {
    value: 'json',
    label: 'Data (JSON)',
    hint: 'Everything, with its structure, for a records or archiving system to import.',
  },
];

/** By default the month so far: from its first day to today (UTC days, as the export counts them). */
export const defaultRecordsParams = (department: string, today: Date): RecordsParams => {
  const day = today.toISOString().slice(0, 10);
  return { department, from: `${day.slice(0, 8)}01`, to: day, format: 'html' };
};

/** What is wrong with the period, said so a person can fix it; null when there is nothing. */
export const recordsParamsProblems = (params: RecordsParams): { field: 'from' | 'to'; text: string }[] => {
  const problems: { field: 'from' | 'to'; text: string }[] = [];
  if (!DAY.test(params.from)) problems.push({ field: 'from', text: 'Enter the first day of the period' });
  if (!DAY.test(params.to)) problems.push({ field: 'to', text: 'Enter the last day of the period' });
  if (problems.length === 0 && params.from > params.to)
    problems.push({ field: 'to', text: 'The last day must be the same as or after the first day' });
  return problems;
};

/** Where the export downloads from. */
export const recordsHref = (params: RecordsParams): string =>
  `/api/records/export?${new URLSearchParams(params).toString()}`;
