import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ImpactReport } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { reportQuery, type ReportParams } from '../utils/report-params';

export const getImpactReport = (params: ReportParams, signal?: AbortSignal): Promise<ImpactReport> =>
  api.get<ImpactReport>('/api/reports/impact', {
    params: { ...reportQuery(params), format: 'json' },
    signal,
  });

export const getImpactReportQueryOptions = (params: ReportParams) =>
  queryOptions({
    queryKey: ['reports', 'impact', params],
    queryFn: ({ signal }) => getImpactReport(params, signal),
  });

export const useImpactReport = (params: ReportParams) => useQuery(getImpactReportQueryOptions(params));
