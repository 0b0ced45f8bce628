import { useMutation } from '@tanstack/react-query';
import type { SessionsRevoked } from '@parley/contracts';
import { api } from '../../../lib/api-client';

/** Ends every session of yours, this one included; API tokens keep working. */
export const signOutEverywhere = (): Promise<SessionsRevoked> =>
  api.post<SessionsRevoked>('/api/auth/sessions/revoke');

type UseSignOutEverywhereOptions = { onSuccess: () => void };

export const useSignOutEverywhere = ({ onSuccess }: UseSignOutEverywhereOptions) =>
  useMutation({ mutationFn: signOutEverywhere, onSuccess });
