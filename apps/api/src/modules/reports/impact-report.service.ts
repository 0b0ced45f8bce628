import { Inject, Injectable } from '@nestjs/common';
import type { ImpactReportQuery } from '@parley/contracts';
import { AuditRepository, DATA_SOURCE, ReportRepository, type DepartmentRow } from '@parley/db';
import {
  composeImpactReport,
  isDomainError,
  parseWindow,
  type ImpactReportDocument,
  type ReportInput,
} from '@parley/domain';
import type { DataSource } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import { actorOf, type AuthContext } from '../auth/auth-context';
import { MetricsService } from '../metrics/metrics.service';
import { ImpactSources } from './impact-sources';

/** How many conversations of each kind (went well, did not) the case narratives choose from. */
const CASES_EACH = 10;

/**
 * The impact report of one department and window: the metrics (with the previous period), themes, evaluation
 * records, a few cases and the method's sources and rules, read in parallel and composed by the domain.
 */
@Injectable()
export class ImpactReportService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly metrics: MetricsService,
    private readonly sources: ImpactSources,
    private readonly reports: ReportRepository,
    private readonly audit: AuditRepository,
    private readonly access: DepartmentAccess,
  ) {}

  async build(auth: AuthContext, query: ImpactReportQuery): Promise<ImpactReportDocument> {
    const department = await this.access.resolve(auth, query.department, 'evaluation.read');
    return this.compose(auth, department, query, new Date());
  }

  /** The report as a file leaving Parley: audited (with its filters and definitions version) before it is sent. */
  async export(auth: AuthContext, query: ImpactReportQuery): Promise<ImpactReportDocument> {
    const department = await this.access.resolve(auth, query.department, 'evaluation.read');
    const report = await this.compose(auth, department, query, new Date());
    await this.audit.record(this.dataSource, actorOf(auth), {
      action: 'report.export',
      entityType: 'department',
      entityId: department.id,
      departmentId: department.id,
      after: {
        filters: report.filters,
        format: query.format,
        definitionsVersion: report.definitionsVersion,
      },
    });
    return report;
  }

  async compose(
    auth: AuthContext,
    department: DepartmentRow,
    query: Pick<ImpactReportQuery, 'from' | 'to' | 'level'>,
    generatedAt: Date,
  ): Promise<ImpactReportDocument> {
    const window = parseWindow(query.from, query.to);
    const q = this.dataSource;
    const [metrics, themes, records, cases, sources, rules, spikes] = await Promise.all([
      this.metrics.read(auth, {
        department: department.key,
        from: query.from,
        to: query.to,
        compare: 'previous',
      }),
      this.sources.themes(auth, department, query),
      this.sources.records(auth, department, query),
      this.reports.cases(q, department.id, window.from, window.to, CASES_EACH),
      this.reports.sources(q, department.id, window.from, window.to),
      this.reports.rulesAt(q, department.id, window.to),
      this.spikes(auth, department, query),
    ]);
    const input: ReportInput = {
      department: { key: department.key, name: department.name },
      generatedAt,
      filters: { department: department.key, from: query.from, to: query.to },
      metrics,
      themes,
      records,
      cases,
      method: { sources, rules },
      spikes,
    };
    return composeImpactReport(query.level, input);
  }

  /** The hours marked as mention spikes; none while no calculator charts velocity. */
  private async spikes(
    auth: AuthContext,
    department: DepartmentRow,
    query: Pick<ImpactReportQuery, 'from' | 'to'>,
  ): Promise<ReportInput['spikes']> {
    try {
      const series = await this.metrics.series(auth, 'velocity', {
        department: department.key,
        from: query.from,
        to: query.to,
        bucket: 'hour',
      });
      return series.points
        .filter((p) => p.spike)
        .map((p) => ({ at: new Date(p.at), mentions: p.value ?? 0 }));
    } catch (error) {
      if (isDomainError(error) && error.code === 'not_found') return [];
      throw error;
    }
  }
}
