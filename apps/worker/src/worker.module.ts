import { Module } from '@nestjs/common';
import { FetchSourceHandler } from './handlers/fetch-source.handler';
import { SyncSchedulesHandler } from './handlers/sync-schedules.handler';
import { InfrastructureModule } from './infrastructure.module';
import { IngestProcessor } from './processors/ingest.processor';
import { JetstreamConsumer } from './processors/jetstream.consumer';
import { RuleFilterService } from './services/rule-filter.service';
import { FeedFetcherService } from './services/feed-fetcher.service';
import { HostGate } from './services/host-gate.service';
import { PullFetcherService } from './services/pull-fetcher.service';
import { PostStoreService } from './services/post-store.service';
import { SourceHealthService } from './services/source-health.service';
import { TableStatisticsService } from './services/table-statistics.service';
import { TagBacklogGate } from './services/tag-backlog.gate';

@Module({
  imports: [InfrastructureModule],
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
    SourceHealthService,
  ],
})
export class WorkerModule {}
