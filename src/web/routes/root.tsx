import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Outlet } from '@tanstack/react-router';
import { AppLayout } from '../components/layout/AppLayout.tsx';
import { AccountLinks, AccountMenu } from '../features/auth/components/AccountMenu.tsx';
import { NotFoundPage } from './not-found.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

function RootLayout() {
  return (
    <AppLayout account={<AccountMenu />} accountInDrawer={(close) => <AccountLinks onNavigate={close} />}>
      <Outlet />
    </AppLayout>
  );
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
});
