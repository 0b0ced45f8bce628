import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { MetricsModule } from '../metrics/metrics.module';
import { ImpactReportService } from './impact-report.service';
import { ImpactSources } from './impact-sources';
import { ReportsController } from './reports.controller';

/** The impact report on screen, as CSV and PDF, and the weekly digest subscriptions. */
@Module({
  imports: [MetricsModule],
  controllers: [ReportsController],
  providers: [ImpactReportService, ImpactSources, DepartmentAccess],
  exports: [ImpactReportService],
})
export class ReportsModule {}
