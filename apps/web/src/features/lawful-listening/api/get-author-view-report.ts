import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AuthorViewReport } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { reportQuery, type ReportPeriod } from '../utils/report-params';

export const getAuthorViewReport = (period: ReportPeriod, signal?: AbortSignal): Promise<AuthorViewReport> =>
  api.get<AuthorViewReport>(`/api/reports/author-views?${reportQuery(period)}`, { signal });

export const getAuthorViewReportQueryOptions = (period: ReportPeriod) =>
  queryOptions({
    queryKey: ['reports', 'author-views', period.from, period.to],
    queryFn: ({ signal }) => getAuthorViewReport(period, signal),
  });

export const useAuthorViewReport = (period: ReportPeriod) =>
  useQuery(getAuthorViewReportQueryOptions(period));
