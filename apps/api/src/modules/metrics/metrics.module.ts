import { Module } from '@nestjs/common';
import { BANK_HOLIDAYS, englandAndWalesBankHolidays } from '@parley/config';
import { DepartmentAccess } from '../../common/department-access.service';
import { FlaggedAuthorsController } from './flagged-authors.controller';
import { FlaggedAuthorsService } from './flagged-authors.service';
import { METRIC_CALCULATORS, type MetricCalculator } from './metric-calculator';
import { MetricsController } from './metrics.controller';
import { MetricPostsService } from './metric-posts.service';
import { MetricsService } from './metrics.service';
import { ActivityCalculator } from './calculators/activity.calculator';
import { DeclinedCalculator } from './calculators/declined.calculator';
import { EngagementLogCalculator } from './calculators/engagement-log.calculator';
import { OpportunitiesCalculator } from './calculators/opportunities.calculator';
import { ResponsivenessCalculator } from './calculators/responsiveness.calculator';
import { ReturningParticipantsCalculator } from './calculators/returning-participants.calculator';
import { EngagementQualityCalculator } from './calculators/engagement-quality.calculator';
import { OwnPostsController } from './own-posts.controller';
import { OwnPostsService } from './own-posts.service';
import { SentimentCalculator } from './calculators/sentiment.calculator';
import { PotentialReachCalculator } from './calculators/potential-reach.calculator';
import { ShareOfVoiceCalculator } from './calculators/share-of-voice.calculator';
import { VelocityCalculator } from './calculators/velocity.calculator';
import { EvaluationRecordsCalculator } from './calculators/evaluation-records.calculator';
import { ThemeShareCalculator } from './calculators/theme-share.calculator';
import { ThemesModule } from '../themes/themes.module';

/** Every calculator; `MetricsService` reads them all. Add one here and it answers in `GET /api/metrics`. */
const CALCULATORS = [
  OpportunitiesCalculator,
  ResponsivenessCalculator,
  ActivityCalculator,
  EngagementLogCalculator,
  DeclinedCalculator,
  ReturningParticipantsCalculator,
  EngagementQualityCalculator,
  SentimentCalculator,
  VelocityCalculator,
  ShareOfVoiceCalculator,
  PotentialReachCalculator,
  EvaluationRecordsCalculator,
  ThemeShareCalculator,
];

/** The metrics of METRICS.md, computed from Parley's log and the public-data roll-ups. */
@Module({
  imports: [ThemesModule],
  controllers: [MetricsController, OwnPostsController, FlaggedAuthorsController],
  providers: [
    ...CALCULATORS,
    {
      provide: METRIC_CALCULATORS,
      useFactory: (...calculators: MetricCalculator[]) => calculators,
      inject: CALCULATORS,
    },
    MetricsService,
    OwnPostsService,
    MetricPostsService,
    FlaggedAuthorsService,
    DepartmentAccess,
    // First-response times in business hours skip bank holidays, as the SLA sweep does.
    { provide: BANK_HOLIDAYS, useFactory: englandAndWalesBankHolidays },
  ],
  exports: [MetricsService],
})
export class MetricsModule {}
