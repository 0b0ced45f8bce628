import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { METRIC_CALCULATORS, type MetricCalculator } from './metric-calculator';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { OpportunitiesCalculator } from './calculators/opportunities.calculator';
import { EngagementQualityCalculator } from './calculators/engagement-quality.calculator';
import { OwnPostsController } from './own-posts.controller';
import { OwnPostsService } from './own-posts.service';

/** Every calculator; `MetricsService` reads them all. Add one here and it answers in `GET /api/metrics`. */
const CALCULATORS = [OpportunitiesCalculator, EngagementQualityCalculator];

/** The metrics of METRICS.md, computed from Parley's log and the public-data roll-ups. */
@Module({
  controllers: [MetricsController, OwnPostsController],
  providers: [
    ...CALCULATORS,
    {
      provide: METRIC_CALCULATORS,
      useFactory: (...calculators: MetricCalculator[]) => calculators,
      inject: CALCULATORS,
    },
    MetricsService,
    OwnPostsService,
    DepartmentAccess,
  ],
  exports: [MetricsService],
})
export class MetricsModule {}
