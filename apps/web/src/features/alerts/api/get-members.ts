import { useQuery } from '@tanstack/react-query';
import type { Member } from '@parley/contracts';
import { api } from '../../../lib/api-client';

/** The department's people, to hand an alert to; only its admins may list them, so it is asked only for them. */
export const useAssignableMembers = (department: string, enabled: boolean) =>
  useQuery({
    queryKey: ['alerts', 'members', department],
    queryFn: ({ signal }) =>
      api.get<Member[]>(`/api/departments/${encodeURIComponent(department)}/members`, { signal }),
    enabled,
  });
