import { ConfigModule } from '@parley/config';
import { DatabaseModule } from '@parley/db';
import { JobsModule } from '@parley/jobs';
import { Module } from '@nestjs/common';
import { FetchSourceHandler } from './handlers/fetch-source.handler';
import { SyncSchedulesHandler } from './handlers/sync-schedules.handler';
import { IngestProcessor } from './processors/ingest.processor';
import { JetstreamConsumer } from './processors/jetstream.consumer';
import { RuleFilterService } from './services/rule-filter.service';
import { FeedFetcherService } from './services/feed-fetcher.service';
import { HostGate } from './services/host-gate.service';
import { PullFetcherService } from './services/pull-fetcher.service';
import { PostStoreService } from './services/post-store.service';
import { TableStatisticsService } from './services/table-statistics.service';
import { TagBacklogGate } from './services/tag-backlog.gate';

@Module({
  imports: [ConfigModule, DatabaseModule.forRoot('parley-worker'), JobsModule.forRoot('parley-worker')],
  providers: [
    PostStoreService,
    TagBacklogGate,
    FeedFetcherService,
    HostGate,
    PullFetcherService,
    FetchSourceHandler,
    SyncSchedulesHandler,
    IngestProcessor,
    RuleFilterService,
    JetstreamConsumer,
    TableStatisticsService,
  ],
})
export class WorkerModule {}
