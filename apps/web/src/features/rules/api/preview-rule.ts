import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { PreviewRequest, PreviewResponse } from '@parley/contracts';
import { api } from '../../../lib/api-client';

/** How many conversations a query would have matched (the last 30 days unless `from`/`to` say otherwise). */
export const previewRule = (request: PreviewRequest, signal?: AbortSignal): Promise<PreviewResponse> =>
  api.post<PreviewResponse>('/api/rules/preview', request, { signal });

export const getPreviewQueryOptions = ({ department, query }: Pick<PreviewRequest, 'department' | 'query'>) =>
  queryOptions({
    queryKey: ['rules', 'preview', { department, query }],
    // A POST, but it reads: each query's answer is cached like any other, and a superseded one is cancelled.
    queryFn: ({ signal }) => previewRule({ department, query }, signal),
    enabled: query.length > 0,
    // Keep the last answer on screen while the next is on its way, so the count does not flicker as people type.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });

export const usePreview = (request: Pick<PreviewRequest, 'department' | 'query'>) =>
  useQuery(getPreviewQueryOptions(request));
