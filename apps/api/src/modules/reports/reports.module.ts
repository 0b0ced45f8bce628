import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { Mailer } from '@parley/jobs';
import { AuthModule } from '../auth/auth.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { MetricsModule } from '../metrics/metrics.module';
import { ThemesModule } from '../themes/themes.module';
import { DigestProcessor } from './digest.processor';
import { DigestService } from './digest.service';
import { ImpactReportService } from './impact-report.service';
import { ImpactSources } from './impact-sources';
import { ReportsController } from './reports.controller';

/** The impact report on screen, as CSV and PDF, and the weekly digest subscriptions. */
@Module({
  imports: [MetricsModule, AuthModule, ThemesModule, EvaluationModule],
  controllers: [ReportsController],
  providers: [ImpactReportService, ImpactSources, DepartmentAccess, DigestService, DigestProcessor, Mailer],
  exports: [ImpactReportService],
})
export class ReportsModule {}
