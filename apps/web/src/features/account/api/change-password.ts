import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordRequest } from '@parley/contracts';
import { api } from '../../../lib/api-client';

/** Needs the current password; signs out every other session, keeping this one. */
export const changePassword = (request: ChangePasswordRequest): Promise<void> =>
  api.put<void>('/api/auth/password', request);

export const useChangePassword = () => useMutation({ mutationFn: changePassword });
