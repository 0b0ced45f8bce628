import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { FlaggedAuthorsController } from './flagged-authors.controller';
import { FlaggedAuthorsService } from './flagged-authors.service';
import { METRIC_CALCULATORS, type MetricCalculator } from './metric-calculator';
import { MetricsController } from './metrics.controller';
import { MetricPostsService } from './metric-posts.service';
import { MetricsService } from './metrics.service';
import { OpportunitiesCalculator } from './calculators/opportunities.calculator';
import { PotentialReachCalculator } from './calculators/potential-reach.calculator';
import { ShareOfVoiceCalculator } from './calculators/share-of-voice.calculator';
import { VelocityCalculator } from './calculators/velocity.calculator';

/** Every calculator; `MetricsService` reads them all. Add one here and it answers in `GET /api/metrics`. */
const CALCULATORS = [
  OpportunitiesCalculator,
  VelocityCalculator,
  ShareOfVoiceCalculator,
  PotentialReachCalculator,
];

/** The metrics of METRICS.md, computed from Parley's log and the public-data roll-ups. */
@Module({
  controllers: [MetricsController, FlaggedAuthorsController],
  providers: [
    ...CALCULATORS,
    {
      provide: METRIC_CALCULATORS,
      useFactory: (...calculators: MetricCalculator[]) => calculators,
      inject: CALCULATORS,
    },
    MetricsService,
    MetricPostsService,
    FlaggedAuthorsService,
    DepartmentAccess,
  ],
  exports: [MetricsService],
})
export class MetricsModule {}
