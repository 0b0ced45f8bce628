import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { METRIC_CALCULATORS, type MetricCalculator } from './metric-calculator';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { OpportunitiesCalculator } from './calculators/opportunities.calculator';
import { ThemeShareCalculator } from './calculators/theme-share.calculator';
import { ThemesModule } from '../themes/themes.module';

/** Every calculator; `MetricsService` reads them all. Add one here and it answers in `GET /api/metrics`. */
const CALCULATORS = [OpportunitiesCalculator, ThemeShareCalculator];

/** The metrics of METRICS.md, computed from Parley's log and the public-data roll-ups. */
@Module({
  imports: [ThemesModule],
  controllers: [MetricsController],
  providers: [
    ...CALCULATORS,
    {
      provide: METRIC_CALCULATORS,
      useFactory: (...calculators: MetricCalculator[]) => calculators,
      inject: CALCULATORS,
    },
    MetricsService,
    DepartmentAccess,
  ],
  exports: [MetricsService],
})
export class MetricsModule {}
