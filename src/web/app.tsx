import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { queryClient } from './api/query-client';
import { startOutbox } from './offline/outbox';
import { AppRoutes } from './routes';

// Entries saved offline are sent when the network returns; the lists they change are then refetched.
startOutbox((kinds) => {
  if (kinds.has('encounter')) void queryClient.invalidateQueries({ queryKey: ['encounters'] });
  if (kinds.has('daylog')) void queryClient.invalidateQueries({ queryKey: ['daylog'] });
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
