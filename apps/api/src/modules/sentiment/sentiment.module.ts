import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { SentimentController } from './sentiment.controller';
import { SentimentService } from './sentiment.service';

/** People's sentiment labels: the labelling screen's sample and labels, and the classifier's measured accuracy. */
@Module({
  controllers: [SentimentController],
  providers: [SentimentService, DepartmentAccess],
  exports: [SentimentService],
})
export class SentimentModule {}
