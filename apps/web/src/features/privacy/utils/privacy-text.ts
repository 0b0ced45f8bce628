import type { RetentionStatus, SubjectRequest } from '@parley/contracts';

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** What a retention setting does, in words: "Kept for 365 days, then deleted". */
export const retentionText = (r: { days: number; action: 'delete' | 'pseudonymise' } | null): string =>
  r === null
    ? 'Kept until removed by hand'
    : `Kept for ${count(r.days, 'day', 'days')}, then ${r.action === 'delete' ? 'deleted' : 'pseudonymised (names replaced)'}`;

export const SUBJECT_KIND_LABELS: Record<SubjectRequest['kind'], string> = {
  handle: 'Handle',
  name: 'Name',
  profileUrl: 'Profile link',
};

/** What a search found, as a list of plain sentences (nothing found says so). */
export const foundText = (found: SubjectRequest['found']): string[] => {
  if (found.posts + found.engagements + found.flaggedAuthors + found.themeExcerpts === 0) return [];
  return [
    `${count(found.posts, 'post', 'posts')}${found.sources.length ? ` on ${found.sources.join(', ')}` : ''}` +
      `${found.conversations ? `, in ${count(found.conversations, 'conversation', 'conversations')}` : ''}`,
    ...(found.retired
      ? [`${count(found.retired, 'post was', 'posts were')} already pseudonymised or deleted`]
      : []),
    ...(found.held
      ? [`${count(found.held, 'post is', 'posts are')} under a legal hold and will be kept`]
      : []),
    ...(found.engagements
      ? [`${count(found.engagements, 'engagement names', 'engagements name')} them in notes or replies`]
      : []),
    ...(found.flaggedAuthors
      ? [`Flagged as spam or a bot in ${count(found.flaggedAuthors, 'department', 'departments')}`]
      : []),
    ...(found.themeExcerpts ? [`Quoted in ${count(found.themeExcerpts, 'theme', 'themes')}`] : []),
  ];
};

/** The receipt of what was done, as sentences. */
export const doneText = (request: SubjectRequest): string[] => {
  const done = request.done;
  if (!done || !request.outcome) return [];
  return [
    `${count(done.posts, 'post', 'posts')} ${request.outcome}`,
    ...(done.keptUnderHold ? [`${count(done.keptUnderHold, 'post', 'posts')} kept under a legal hold`] : []),
    ...(done.engagements
      ? [`Their name removed from ${count(done.engagements, 'engagement', 'engagements')}`]
      : []),
    ...(done.flaggedAuthors
      ? [
          `${count(done.flaggedAuthors, 'spam or bot flag', 'spam or bot flags')} ${request.outcome === 'erased' ? 'removed' : 'pseudonymised'}`,
        ]
      : []),
    ...(done.themeExcerpts
      ? [`${count(done.themeExcerpts, 'theme excerpt', 'theme excerpts')} removed`]
      : []),
  ];
};

/** The last run, in a sentence. */
export const lastRunText = (run: RetentionStatus['lastRun']): string => {
  if (!run) return 'The retention job has not run yet.';
  if (run.error) return `The last run stopped with a problem: ${run.error}`;
  if (!run.finishedAt) return 'A run is under way, or stopped before it finished; the next run carries on.';
  const did =
    run.pseudonymised + run.deleted === 0
      ? 'Nothing was due.'
      : `${count(run.pseudonymised, 'post', 'posts')} pseudonymised and ${count(run.deleted, 'post', 'posts')} deleted.`;
  const held = run.held
    ? ` ${count(run.held, 'post past its period is', 'posts past their period are')} kept under a legal hold.`
    : '';
  const more = run.more ? ' More are due: the next run carries on.' : '';
  return `${did}${held}${more}`;
};
