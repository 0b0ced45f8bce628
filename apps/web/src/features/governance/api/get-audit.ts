import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditPage } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import type { AuditParams } from '../utils/audit-params';

export const PAGE_SIZE = 50;

type GetAuditInput = AuditParams & { cursor?: string | null; signal?: AbortSignal };

export const getAudit = ({ signal, cursor, ...params }: GetAuditInput): Promise<AuditPage> =>
  api.get<AuditPage>('/api/audit', {
    params: { ...params, department: params.department ?? undefined, limit: PAGE_SIZE, cursor },
    signal,
  });

export const getAuditQueryOptions = (params: AuditParams) =>
  infiniteQueryOptions({
    queryKey: ['audit', 'list', params],
    queryFn: ({ pageParam, signal }) => getAudit({ ...params, cursor: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const useAudit = (params: AuditParams) => useInfiniteQuery(getAuditQueryOptions(params));
