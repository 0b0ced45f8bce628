import { Module } from '@nestjs/common';
import { CompiledRulesCache } from './compiled-rules.cache';
import { TagProcessor } from './tag.processor';
import { TaggingService } from './tagging.service';

@Module({ providers: [CompiledRulesCache, TaggingService, TagProcessor] })
export class TaggingModule {}
