import { DataSource } from 'typeorm';
import { InitialSchema1763683200000 } from './migrations/1763683200000-initial-schema';
import { StreamGaps1763769600000 } from './migrations/1763769600000-stream-gaps';
import { WorkspaceAdministrators1764547200000 } from './migrations/1764547200000-workspace-administrators';
import { OpportunityLifecycle1764547300000 } from './migrations/1764547300000-opportunity-lifecycle';
import { UserLastSignIn1764601800000 } from './migrations/1764601800000-user-last-sign-in';
import { SafeWorkspace1796115000000 } from './migrations/1796115000000-safe-workspace';
import { SourceLastWarning1796115600000 } from './migrations/1796115600000-source-last-warning';
import { ApiTokenExpiry1796119200000 } from './migrations/1796119200000-api-token-expiry';
import { BackfillRequest1796200000000 } from './migrations/1796200000000-backfill-request';
import { OpportunityWorkflow1796300000000 } from './migrations/1796300000000-opportunity-workflow';
import { InboxFilters1796301000000 } from './migrations/1796301000000-inbox-filters';
import { ElectionPeriod1796302000000 } from './migrations/1796302000000-election-period';
import { Drafts1796303000000 } from './migrations/1796303000000-drafts';
import { EngagementPublishing1796304000000 } from './migrations/1796304000000-engagement-publishing';
import { Notifications1796305000000 } from './migrations/1796305000000-notifications';
import { AuditDepartment1796306000000 } from './migrations/1796306000000-audit-department';
import { MentionHour1796400000000 } from './migrations/1796400000000-mention-hour';
import { LogMetricIndexes1796410000000 } from './migrations/1796410000000-log-metric-indexes';
import { OwnPostIndex1796450000000 } from './migrations/1796450000000-own-post-index';
import { PostSentiment1796430000000 } from './migrations/1796430000000-post-sentiment';
import { PublicMentions1796420000000 } from './migrations/1796420000000-public-mentions';
import { EvaluationRecords1796460000000 } from './migrations/1796460000000-evaluation-records';
import { Themes1796440000000 } from './migrations/1796440000000-themes';
import { DigestSubscription1796480000000 } from './migrations/1796480000000-digest-subscription';
import { MentionReachCell1796494000000 } from './migrations/1796494000000-mention-reach-cell';
import { FlaggedExclusions1796492000000 } from './migrations/1796492000000-flagged-exclusions';
import { FollowUpWebhooks1796492100000 } from './migrations/1796492100000-follow-up-webhooks';
import { Alerts1796500000000 } from './migrations/1796500000000-alerts';
import { AlertScopeHour1796510000000 } from './migrations/1796510000000-alert-scope-hour';
import { AlertDispatch1796520000000 } from './migrations/1796520000000-alert-dispatch';
import { AuditChain1796600000000 } from './migrations/1796600000000-audit-chain';
import { Retention1796610000000 } from './migrations/1796610000000-retention';
import { LawfulListening1796620000000 } from './migrations/1796620000000-lawful-listening';
import { ReferralIndex1796630000000 } from './migrations/1796630000000-referral-index';

export const MIGRATIONS = [
  InitialSchema1763683200000,
  StreamGaps1763769600000,
  WorkspaceAdministrators1764547200000,
  OpportunityLifecycle1764547300000,
  UserLastSignIn1764601800000,
  SafeWorkspace1796115000000,
  SourceLastWarning1796115600000,
  ApiTokenExpiry1796119200000,
  BackfillRequest1796200000000,
  OpportunityWorkflow1796300000000,
  InboxFilters1796301000000,
  ElectionPeriod1796302000000,
  Drafts1796303000000,
  EngagementPublishing1796304000000,
  Notifications1796305000000,
  AuditDepartment1796306000000,
  MentionHour1796400000000,
  LogMetricIndexes1796410000000,
  OwnPostIndex1796450000000,
  PostSentiment1796430000000,
  PublicMentions1796420000000,
  EvaluationRecords1796460000000,
  Themes1796440000000,
  DigestSubscription1796480000000,
  FlaggedExclusions1796492000000,
  FollowUpWebhooks1796492100000,
  MentionReachCell1796494000000,
  Alerts1796500000000,
  AlertScopeHour1796510000000,
  AlertDispatch1796520000000,
  AuditChain1796600000000,
  Retention1796610000000,
  LawfulListening1796620000000,
  ReferralIndex1796630000000,
];

/** Repositories speak SQL through this data source; the schema changes only through migrations. */
export const createDataSource = (
  url: string,
  options: { poolSize?: number; applicationName?: string } = {},
): DataSource =>
  new DataSource({
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    extra: { max: options.poolSize ?? 10, application_name: options.applicationName ?? 'parley' },
  });

export const runMigrations = async (dataSource: DataSource): Promise<string[]> => {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
};
