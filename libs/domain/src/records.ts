/**
 * A department's own reply (or pointer, or original post) kept as a record for the records office: what was said,
 * where, by whom, and its context — the conversation, the post it answered, and the drafts and clearance it went
 * through. Times are ISO strings; people are named as Parley knows them.
 */
export type EngagementRecord = {
  id: string;
  kind: string;
  /** `published`: Parley posted it; `recorded`: someone posted it elsewhere and recorded it here. */
  how: 'published' | 'recorded';
  mode: string | null;
  route: string | null;
  platform: string | null;
  account: string | null;
  url: string | null;
  postedAt: string;
  text: string | null;
  outcome: string | null;
  closesLoop: boolean;
  recordedBy: { name: string | null; email: string | null };
  recordedAt: string;
  conversation: {
    id: string;
    title: string | null;
    url: string | null;
    source: string;
    /** Where the FOI case bundle of this conversation (the whole case, with its audit trail) is downloaded. */
    bundleUrl: string;
  };
  /** The post it answered (the one the department's post replies to, else the conversation's first); null for an original post. */
  repliedTo: {
    url: string | null;
    author: string | null;
    handle: string | null;
    publishedAt: string | null;
    text: string;
  } | null;
  draft: {
    versions: { version: number; savedBy: string | null; savedAt: string; text: string }[];
    clearance: {
      version: number;
      submittedBy: string | null;
      submittedAt: string;
      closedAt: string | null;
      outcome: string | null;
      reviews: { reviewer: string | null; role: string; decision: string; comment: string; at: string }[];
    }[];
  } | null;
};

/** What a records export says about itself, before its records. */
export type RecordsExportHeading = {
  generatedAt: string;
  generatedBy: { name: string; email: string };
  department: { key: string; name: string };
  period: { from: string; to: string };
};
