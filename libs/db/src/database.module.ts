import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { AlertDetectionRepository } from './repositories/alert-detection.repository';
import { AlertRepository } from './repositories/alert.repository';
import { AlertDeliveryRepository } from './repositories/alert-delivery.repository';
import { AuditRepository } from './repositories/audit.repository';
import { BackfillRequestRepository } from './repositories/backfill-request.repository';
import { BundleRepository } from './repositories/bundle.repository';
import { ConversationRepository } from './repositories/conversation.repository';
import { EngagementRepository } from './repositories/engagement.repository';
import { EvaluationRepository } from './repositories/evaluation.repository';
import { NotificationRepository } from './repositories/notification.repository';
import { DigestRepository } from './repositories/digest.repository';
import { DraftRepository } from './repositories/draft.repository';
import { OwnPostRepository } from './repositories/own-post.repository';
import { OpportunityRepository } from './repositories/opportunity.repository';
import { ElectionPeriodRepository } from './repositories/election-period.repository';
import { FlaggedAuthorRepository } from './repositories/flagged-author.repository';
import { LawfulListeningRepository } from './repositories/lawful-listening.repository';
import { MentionPostRepository } from './repositories/mention-post.repository';
import { MentionRollupRepository } from './repositories/mention-rollup.repository';
import { SentimentRepository } from './repositories/sentiment.repository';
import { PeerOrganisationRepository } from './repositories/peer-organisation.repository';
import { ThemeRepository } from './repositories/theme.repository';
import { MetricsLogRepository } from './repositories/metrics-log.repository';
import { PostRepository } from './repositories/post.repository';
import { PreviewRepository } from './repositories/preview.repository';
import { ReportRepository } from './repositories/report.repository';
import { SourceRepository } from './repositories/source.repository';
import { StatisticsRepository } from './repositories/statistics.repository';
import { TaggingRepository } from './repositories/tagging.repository';
import { RecordsRepository } from './repositories/records.repository';
import { UserRepository } from './repositories/user.repository';
import { WebhookRepository } from './repositories/webhook.repository';
import { WorkspaceRepository } from './repositories/workspace.repository';
import { LegalHoldRepository } from './repositories/legal-hold.repository';
import { RetentionRepository } from './repositories/retention.repository';
import { SubjectRequestRepository } from './repositories/subject-request.repository';
import { PostRetirement } from './post-retirement';

/** Injection token of the app's initialised TypeORM data source. */
export const DATA_SOURCE = Symbol('DATA_SOURCE');

const REPOSITORIES = [
  AlertDetectionRepository,
  AlertRepository,
  AlertDeliveryRepository,
  AuditRepository,
  BackfillRequestRepository,
  BundleRepository,
  RecordsRepository,
  ConversationRepository,
  EngagementRepository,
  EvaluationRepository,
  NotificationRepository,
  DigestRepository,
  DraftRepository,
  OpportunityRepository,
  OwnPostRepository,
  ElectionPeriodRepository,
  FlaggedAuthorRepository,
  LawfulListeningRepository,
  MentionPostRepository,
  MentionRollupRepository,
  PeerOrganisationRepository,
  ThemeRepository,
  MetricsLogRepository,
  PostRepository,
  PreviewRepository,
  SentimentRepository,
  ReportRepository,
  SourceRepository,
  StatisticsRepository,
  TaggingRepository,
  UserRepository,
  WebhookRepository,
  WorkspaceRepository,
  LegalHoldRepository,
  RetentionRepository,
  SubjectRequestRepository,
  PostRetirement,
];

/** Postgres for an app: the data source (named after the app in pg_stat_activity) and every repository. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  static forRoot(applicationName: string): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        {
          provide: DATA_SOURCE,
          inject: [CONFIG],
          useFactory: (config: Config): Promise<DataSource> =>
            createDataSource(config.databaseUrl, { applicationName }).initialize(),
        },
        ...REPOSITORIES,
      ],
      exports: [DATA_SOURCE, ...REPOSITORIES],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dataSource.destroy();
  }
}
