import { Module } from '@nestjs/common';
import { BackfillService } from './backfill.service';
import { CompiledRulesCache } from './compiled-rules.cache';
import { TagProcessor } from './tag.processor';
import { TaggingService } from './tagging.service';
import { TimeSignalsService } from './time-signals.service';

@Module({
  providers: [CompiledRulesCache, TaggingService, BackfillService, TimeSignalsService, TagProcessor],
})
export class TaggingModule {}
