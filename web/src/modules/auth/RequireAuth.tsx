import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useAuth } from '../../app/auth-context';
import { commonMessages } from '../../app/common-messages';
import { useMessages } from '../../app/i18n';
import { AppLink, Loading, PageHeader, Paragraph } from '../../ui';

export function RequireAuth({ children }: { children?: ReactNode }) {
  const t = useMessages(commonMessages);
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Loading label={t('loadingApp')} />;
  if (!me) return <Navigate to="/inloggen" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <>{children ?? <Outlet />}</>;
}

// The server refuses anyway; this explains why instead of showing a failed request.
export function RequirePermission({ permission, children }: { permission: string; children?: ReactNode }) {
  const t = useMessages(commonMessages);
  const { can } = useAuth();
  if (!can(permission)) {
    return (
      <>
        <PageHeader title={t('noAccessTitle')} />
        <Paragraph>{t('noAccessText')}</Paragraph>
        <Paragraph>
          <AppLink to="/">{t('toStart')}</AppLink>
        </Paragraph>
      </>
    );
  }
  return <>{children ?? <Outlet />}</>;
}
