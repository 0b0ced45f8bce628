import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SentimentSample } from '@parley/contracts';
import { api } from '../../../lib/api-client';

export const sentimentSampleQueryKey = (department: string) => ['sentiment', 'sample', department] as const;

export const getSentimentSample = (department: string, signal?: AbortSignal): Promise<SentimentSample> =>
  api.get<SentimentSample>('/api/sentiment/sample', { params: { department }, signal });

/** A fresh random sample each time it is fetched, so it is never refetched behind the person's back. */
export const useSentimentSample = (department: string) =>
  useQuery(
    queryOptions({
      queryKey: sentimentSampleQueryKey(department),
      queryFn: ({ signal }) => getSentimentSample(department, signal),
      staleTime: Infinity,
      refetchOnWindowFocus: false,
    }),
  );
