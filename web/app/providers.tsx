import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { sessionQueryOptions } from '../features/account/api/session.js';
import { createQueryClient } from '../lib/query-client.js';

/** When any call says the session is gone, the header and the session gates learn it too. */
function forgetSession(queryClient: QueryClient) {
  queryClient.setQueryData(sessionQueryOptions().queryKey, { user: null });
}

export function Providers({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient({ onLoginRequired: forgetSession }));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
