import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { meQueryKey } from '../features/auth/api/get-me';
import { isApiError, isUnauthenticated } from '../lib/api-client';

// A 4xx will not change by asking again; a flaky network or a restarting api might.
const retry = (failures: number, error: unknown) =>
  failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500);

const createQueryClient = (): QueryClient => {
  const client: QueryClient = new QueryClient({
    // A session that expires mid-use shows up as a 401 on any request: mark the user as signed out, and
    // RequireAuth sends them to sign in (keeping where they were).
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthenticated(error) && query.queryKey[0] !== meQueryKey[0])
          client.setQueryData(meQueryKey, null);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        const isLogin = mutation.options.mutationKey?.[0] === 'login';
        if (isUnauthenticated(error) && !isLogin) client.setQueryData(meQueryKey, null);
      },
    }),
    defaultOptions: {
      queries: { retry, staleTime: 30_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
  return client;
};

export const AppProvider = ({ children }: { children: ReactNode }) => {
  const [queryClient] = useState(createQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
};
