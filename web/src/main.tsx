import '@utrecht/component-library-css/dist/index.css';
import '@utrecht/design-tokens/dist/index.css';
import './styles/base.css';
import './styles/workspace.css';
import './styles/components.css';
import './styles/forms.css';
import './styles/tables.css';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ProblemError } from './app/api-client';
import { AuthProvider, ME_QUERY_KEY } from './app/auth-context';
import { I18nProvider } from './app/i18n';
import { AppRoutes } from './app/router';

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // A session that ended elsewhere (idle timeout, new password, sign-out in another tab) leads back to sign-in.
    onError: (error) => {
      if (error instanceof ProblemError && error.status === 401) queryClient.setQueryData(ME_QUERY_KEY, null);
    },
  }),
  defaultOptions: {
    queries: {
      // A 4xx answer will not change by asking again; only network trouble and 5xx are worth a retry.
      retry: (failureCount, error) => failureCount < 2 && !(error instanceof ProblemError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

const container = document.getElementById('root');
if (!container) throw new Error('Element #root ontbreekt in index.html');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <BrowserRouter>
          <AuthProvider>
            <AppRoutes />
          </AuthProvider>
        </BrowserRouter>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
