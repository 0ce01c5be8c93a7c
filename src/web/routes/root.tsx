import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Outlet } from '@tanstack/react-router';
import { AppLayout } from '../components/layout/AppLayout.tsx';
import { useSession } from '../features/auth/api/session.ts';
import { AccountLinks, AccountMenu } from '../features/auth/components/AccountMenu.tsx';
import { NotificationBell } from '../features/notifications/components/NotificationBell.tsx';
import { HeaderSearch } from '../features/search/components/HeaderSearch.tsx';
import { NotFoundPage } from './not-found.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

function RootLayout() {
  const { user } = useSession();
  return (
    <AppLayout
      account={<AccountMenu />}
      notifications={<NotificationBell signedIn={user !== null} />}
      accountInDrawer={(close) => <AccountLinks onNavigate={close} />}
      search={{
        wide: <HeaderSearch />,
        compact: <HeaderSearch compact />,
        inDrawer: (close) => <HeaderSearch onSearch={close} />,
      }}
    >
      <Outlet />
    </AppLayout>
  );
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
});
