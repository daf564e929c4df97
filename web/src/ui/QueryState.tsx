import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Alert } from './Alert';
import { Loading } from './Loading';

// Loading and failure look the same on every page; the page only describes the data it got.
export function QueryState<T>({
  query,
  loadingLabel,
  errorTitle,
  children,
}: {
  query: UseQueryResult<T>;
  loadingLabel: string;
  errorTitle: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (query.isError) {
    return (
      <Alert type="error" title={errorTitle}>
        <p className="utrecht-paragraph">{query.error.message}</p>
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
