import { Logger, Module } from '@nestjs/common';
import { DATA_SOURCE, TaggingRepository, taggingWorkspace, WorkspaceRepository } from '@parley/db';
import { CompiledRulesCache } from '@parley/tagging';
import type { DataSource } from 'typeorm';
import { BackfillService } from './backfill.service';
import { TagProcessor } from './tag.processor';
import { TaggingService } from './tagging.service';
import { TimeSignalsService } from './time-signals.service';

const logger = new Logger(CompiledRulesCache.name);

@Module({
  providers: [
    {
      provide: CompiledRulesCache,
      inject: [DATA_SOURCE, TaggingRepository, WorkspaceRepository],
      useFactory: (dataSource: DataSource, tagging: TaggingRepository, workspace: WorkspaceRepository) =>
        new CompiledRulesCache(taggingWorkspace(dataSource, tagging, workspace), {
          onProblem: (problem) =>
            logger.warn({ message: 'rule skipped', rule: problem.key, problem: problem.message }),
        }),
    },
    TaggingService,
    BackfillService,
    TimeSignalsService,
    TagProcessor,
  ],
})
export class TaggingModule {}
