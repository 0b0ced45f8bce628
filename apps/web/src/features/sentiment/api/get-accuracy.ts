import { useQuery } from '@tanstack/react-query';
import type { SentimentAccuracyResponse } from '@parley/contracts';
import { api } from '../../../lib/api-client';

export const sentimentAccuracyQueryKey = (department: string) =>
  ['sentiment', 'accuracy', department] as const;

export const useSentimentAccuracy = (department: string) =>
  useQuery({
    queryKey: sentimentAccuracyQueryKey(department),
    queryFn: ({ signal }) =>
      api.get<SentimentAccuracyResponse>('/api/sentiment/accuracy', { params: { department }, signal }),
  });
