import type { QueryClient } from '@tanstack/react-query';
import { createRouter, parseSearchWith, stringifySearchWith } from '@tanstack/react-router';
import { cabinetRoute } from './routes/cabinet.tsx';
import { applicationRoute } from './routes/application.tsx';
import { figuresRoute, investmentsRoute, projectsRoute, requestsRoute } from './routes/coming-soon.tsx';
import { expertReviewRoute, expertReviewsRoute } from './routes/expert.tsx';
import { homeRoute } from './routes/home.tsx';
import { loginRoute } from './routes/login.tsx';
import { measureRoute, measuresRoute } from './routes/measures.tsx';
import { operatorApplicationRoute } from './routes/operator-application.tsx';
import { operatorQueueRoute } from './routes/operator-queue.tsx';
import { operatorSupportApplicationRoute, operatorSupportQueueRoute } from './routes/operator-support.tsx';
import { organizationRoute } from './routes/organization.tsx';
import { organizationNewRoute } from './routes/organization-new.tsx';
import { registerRoute } from './routes/register.tsx';
import { registryRoute } from './routes/registry.tsx';
import { rootRoute } from './routes/root.tsx';

const routeTree = rootRoute.addChildren([
  homeRoute,
  loginRoute,
  registerRoute,
  cabinetRoute,
  organizationNewRoute,
  organizationRoute,
  operatorQueueRoute,
  operatorApplicationRoute,
  registryRoute,
  measuresRoute,
  measureRoute,
  applicationRoute,
  operatorSupportQueueRoute,
  operatorSupportApplicationRoute,
  expertReviewsRoute,
  expertReviewRoute,
  requestsRoute,
  projectsRoute,
  investmentsRoute,
  figuresRoute,
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    // plain `?q=беспилотные&page=2` addresses people can read and share, not JSON-encoded values
    parseSearch: parseSearchWith((value) => value),
    stringifySearch: stringifySearchWith(JSON.stringify),
    defaultPreload: 'intent',
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
