import { Inject, Injectable } from '@nestjs/common';
import type { AuthorViewReport, AuthorViewReportQuery } from '@parley/contracts';
import { AuditRepository, DATA_SOURCE, iso, LawfulListeningRepository } from '@parley/db';
import { authorViewState, csvTable, parseWindow } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { actorOf, type AuthContext } from '../auth/auth-context';
import { LawfulListeningPolicy } from './lawful-listening-policy.service';

type Row = AuthorViewReport['rows'][number];

const REACHED_WORDS: Record<Row['reached'], string> = {
  'below-warning': 'Below the warning',
  warning: 'Warned',
  'reason-required': 'Reason asked for',
};

const COLUMNS: { header: string; value: (r: Row) => string | number | null }[] = [
  { header: 'Person', value: (r) => r.user.name },
  { header: 'Email', value: (r) => r.user.email },
  { header: 'Member of the public', value: (r) => r.author.handle },
  { header: 'Their name', value: (r) => r.author.name },
  { header: 'Platform', value: (r) => r.author.platform },
  { header: 'Conversations opened', value: (r) => r.conversations },
  { header: 'Openings', value: (r) => r.openings },
  { header: 'First opened', value: (r) => r.firstViewedAt },
  { header: 'Last opened', value: (r) => r.lastViewedAt },
  { header: 'Reached', value: (r) => REACHED_WORDS[r.reached] },
  { header: 'Reasons recorded', value: (r) => r.reasons },
  { header: 'Latest reason', value: (r) => r.latestReason },
];

/**
 * For the data protection officer: who opened which member of the public's posts how often over a period, how far
 * that went against the workspace's thresholds, and the reasons recorded. Workspace administrators only; a CSV
 * download (personal data leaving Parley) is audited.
 */
@Injectable()
export class AuthorViewReportService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly lawful: LawfulListeningRepository,
    private readonly policy: LawfulListeningPolicy,
    private readonly audit: AuditRepository,
  ) {}

  async build(query: Pick<AuthorViewReportQuery, 'from' | 'to'>): Promise<AuthorViewReport> {
    const window = parseWindow(query.from, query.to);
    const settings = await this.policy.settings(this.dataSource);
    const rows = await this.lawful.report(this.dataSource, window.from, window.to);
    const reached = (conversations: number): Row['reached'] => {
      const state = authorViewState(conversations, false, settings);
      return state === 'counted' ? 'below-warning' : state === 'warning' ? 'warning' : 'reason-required';
    };
    return {
      from: window.from.toISOString(),
      to: window.to.toISOString(),
      settings: {
        authorViewWarningAt: settings.authorViewWarningAt,
        authorViewReasonAt: settings.authorViewReasonAt,
        authorViewWindowDays: settings.authorViewWindowDays,
      },
      rows: rows.map((r) => ({
        user: { id: r.userId, email: r.userEmail, name: r.userName },
        author: { key: r.authorKey, platform: r.platform, handle: r.authorHandle, name: r.authorName },
        conversations: r.conversations,
        openings: r.openings,
        firstViewedAt: iso(r.firstViewedAt) as string,
        lastViewedAt: iso(r.lastViewedAt) as string,
        reached: reached(r.conversations),
        reasons: r.reasons,
        latestReason: r.latestReason,
      })),
    };
  }

  async csv(auth: AuthContext, query: Pick<AuthorViewReportQuery, 'from' | 'to'>): Promise<string> {
    const report = await this.build(query);
    await this.audit.record(this.dataSource, actorOf(auth), {
      action: 'report.author-views-export',
      entityType: 'report',
      entityId: null,
      after: { from: report.from, to: report.to, rows: report.rows.length },
    });
    return csvTable(COLUMNS, report.rows);
  }
}
