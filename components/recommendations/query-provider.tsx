'use client';

// One react-query client per browser tab for the recommendations pages: the list, a detail and the
// planner share their cache, so a status changed on a detail shows on the list without a refetch race.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';

export function RecommendationsQueryProvider({ children }: { children: React.ReactNode }) {
  // per mount, never module-level: a server render must not share a cache between requests
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // the server hands each page its first data; refetch only when it is older than this
          queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
