import './app/styles.ts';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { isApiError, setUnauthenticatedHandler } from './app/api.ts';
import { meQuery } from './app/auth.ts';
import { initI18n } from './app/i18n.ts';
import { makeRouter } from './app/router.tsx';
import { theme } from './app/theme.ts';
import { ConflictDialogProvider } from './components/conflict-dialog.tsx';

// Toasts need their container only once something is shown; it loads after the first page.
const Notifications = lazy(() =>
  import('@mantine/notifications').then((m) => ({ default: m.Notifications })),
);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const router = makeRouter(queryClient);

// A request that finds the session gone sends the user to the login page, then back.
setUnauthenticatedHandler(() => {
  queryClient.setQueryData(meQuery.queryKey, null);
  void router.navigate({ to: '/login', search: { redirect: router.state.location.href } });
});

await initI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Suspense fallback={null}>
        <Notifications position="top-right" />
      </Suspense>
      <QueryClientProvider client={queryClient}>
        <ConflictDialogProvider>
          <RouterProvider router={router} />
        </ConflictDialogProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
