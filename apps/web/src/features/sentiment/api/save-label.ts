import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SentimentAccuracyResponse, SentimentLabelResponse } from '@parley/contracts';
import type { SentimentLabel } from '@parley/domain';
import { api } from '../../../lib/api-client';
import { sentimentAccuracyQueryKey } from './get-accuracy';

type SaveLabelInput = { department: string; postId: string; label: SentimentLabel };

export const saveSentimentLabel = ({ department, postId, label }: SaveLabelInput) =>
  api.put<SentimentLabelResponse>(
    `/api/sentiment/labels/${encodeURIComponent(postId)}?department=${encodeURIComponent(department)}`,
    { label },
  );

/** Saves a person's label; the answer carries the classifier's accuracy now, shown at once. */
export const useSaveSentimentLabel = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveSentimentLabel,
    onSuccess: (saved, { department }) => {
      queryClient.setQueryData(
        sentimentAccuracyQueryKey(department),
        (previous: SentimentAccuracyResponse | undefined) =>
          previous ? { ...previous, accuracy: saved.accuracy } : previous,
      );
    },
  });
};
