import { availableParallelism } from 'node:os';
import { Module } from '@nestjs/common';
import {
  BANK_HOLIDAYS,
  CONFIG,
  ConfigModule,
  englandAndWalesBankHolidays,
  type Config,
} from '@parley/config';
import {
  DATA_SOURCE,
  DatabaseModule,
  TaggingRepository,
  WorkspaceRepository,
  taggingWorkspace,
} from '@parley/db';
import { FeedParsePool } from '@parley/ingest';
import { JobsModule } from '@parley/jobs';
import { CompiledRulesCache } from '@parley/tagging';
import type { DataSource } from 'typeorm';
import { DeliverAlertsHandler } from './handlers/deliver-alerts.handler';
import { DeliverWebhookHandler } from './handlers/deliver-webhook.handler';
import { FanOutEventsHandler } from './handlers/fan-out-events.handler';
import { FetchSourceHandler } from './handlers/fetch-source.handler';
import { SendEmailHandler } from './handlers/send-email.handler';
import { SyncSchedulesHandler } from './handlers/sync-schedules.handler';
import { IngestProcessor } from './processors/ingest.processor';
import { JetstreamConsumer } from './processors/jetstream.consumer';
import { NotifyProcessor } from './processors/notify.processor';
import { SweepSlaHandler } from './handlers/sweep-sla.handler';
import { RemindFollowUpsHandler } from './handlers/remind-follow-ups.handler';
import { WorkflowProcessor } from './processors/workflow.processor';
import { RollUpMentionsHandler } from './handlers/roll-up-mentions.handler';
import { RollUpSentimentHandler } from './handlers/roll-up-sentiment.handler';
import { RollUpThemesHandler } from './handlers/roll-up-themes.handler';
import { RollupProcessor } from './processors/rollup.processor';
import { EvaluateAlertsHandler } from './handlers/evaluate-alerts.handler';
import { AlertEvaluator } from './services/alert-evaluator.service';
import { ApplyRetentionHandler } from './handlers/apply-retention.handler';
import { RetentionProcessor } from './processors/retention.processor';
import { FeedFetcherService } from './services/feed-fetcher.service';
import { HostGate } from './services/host-gate.service';
import { Mailer } from '@parley/jobs';
import { PullFetcherService } from './services/pull-fetcher.service';
import { PostStoreService } from './services/post-store.service';
import { SourceHealthService } from './services/source-health.service';
import { TableStatisticsService } from './services/table-statistics.service';
import { TagBacklogGate } from './services/tag-backlog.gate';

@Module({
  imports: [ConfigModule, DatabaseModule.forRoot('parley-worker'), JobsModule.forRoot('parley-worker')],
  providers: [
    PostStoreService,
    TagBacklogGate,
    FeedFetcherService,
    {
      provide: FeedParsePool,
      inject: [CONFIG],
      // A thread per job the worker runs at once, but no more than the machine has cores: parsing is all CPU, so
      // more threads only add heaps and warm-ups. A feed waiting for a thread starts its time limit when it gets one.
      useFactory: (config: Config) =>
        new FeedParsePool({ threads: Math.min(config.workerConcurrency, availableParallelism()) }),
    },
    HostGate,
    PullFetcherService,
    FetchSourceHandler,
    SyncSchedulesHandler,
    IngestProcessor,
    {
      provide: CompiledRulesCache,
      inject: [DATA_SOURCE, TaggingRepository, WorkspaceRepository],
      // The firehose asks before every batch; reading the fingerprint every 10 s is fresh enough to filter by.
      useFactory: (dataSource: DataSource, tagging: TaggingRepository, workspace: WorkspaceRepository) =>
        new CompiledRulesCache(taggingWorkspace(dataSource, tagging, workspace), { recheckMs: 10_000 }),
    },
    JetstreamConsumer,
    TableStatisticsService,
    SourceHealthService,
    Mailer,
    FanOutEventsHandler,
    SendEmailHandler,
    DeliverWebhookHandler,
    DeliverAlertsHandler,
    NotifyProcessor,
    { provide: BANK_HOLIDAYS, useFactory: englandAndWalesBankHolidays },
    SweepSlaHandler,
    RemindFollowUpsHandler,
    WorkflowProcessor,
    RollUpMentionsHandler,
    RollUpSentimentHandler,
    RollUpThemesHandler,
    AlertEvaluator,
    EvaluateAlertsHandler,
    RollupProcessor,
    ApplyRetentionHandler,
    RetentionProcessor,
  ],
})
export class WorkerModule {}
