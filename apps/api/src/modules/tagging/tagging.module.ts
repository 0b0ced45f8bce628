import { Module } from '@nestjs/common';
import { BackfillService } from './backfill.service';
import { CompiledRulesCache } from './compiled-rules.cache';
import { TagProcessor } from './tag.processor';
import { TaggingService } from './tagging.service';

@Module({ providers: [CompiledRulesCache, TaggingService, BackfillService, TagProcessor] })
export class TaggingModule {}
