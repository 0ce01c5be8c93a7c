import type { QueryClient } from '@tanstack/react-query';
import { createRouter, parseSearchWith, stringifySearchWith } from '@tanstack/react-router';
import { applicationRoute } from './routes/application.tsx';
import { cabinetRoute } from './routes/cabinet.tsx';
import { dealNewRoute, dealRoute, dealsRoute } from './routes/deals.tsx';
import { expertReviewRoute, expertReviewsRoute } from './routes/expert.tsx';
import { figuresRoute } from './routes/figures.tsx';
import { homeRoute } from './routes/home.tsx';
import { investmentsRoute } from './routes/investments.tsx';
import { loginRoute } from './routes/login.tsx';
import { measureRoute, measuresRoute } from './routes/measures.tsx';
import { notificationSettingsRoute } from './routes/notification-settings.tsx';
import { operatorApplicationRoute } from './routes/operator-application.tsx';
import { operatorExportsRoute } from './routes/operator-exports.tsx';
import { operatorFunnelsRoute } from './routes/operator-funnels.tsx';
import { operatorQueueRoute } from './routes/operator-queue.tsx';
import { operatorRequestsRoute } from './routes/operator-requests.tsx';
import { operatorSupportApplicationRoute, operatorSupportQueueRoute } from './routes/operator-support.tsx';
import { organizationRoute } from './routes/organization.tsx';
import { organizationNewRoute } from './routes/organization-new.tsx';
import { pilotSitesRoute } from './routes/pilot-sites.tsx';
import { pilotRoute, pilotsRoute } from './routes/pilots.tsx';
import { projectEditRoute, projectNewRoute, projectRoute, projectsRoute } from './routes/projects.tsx';
import { registerRoute } from './routes/register.tsx';
import { registryRoute } from './routes/registry.tsx';
import { requestEditRoute, requestNewRoute } from './routes/request-new.tsx';
import { requestRoute, requestsRoute } from './routes/requests.tsx';
import { rootRoute } from './routes/root.tsx';
import { searchRoute } from './routes/search.tsx';
import { newSolutionRoute, requestSolutionsRoute, solutionRoute } from './routes/solutions.tsx';

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
  requestNewRoute,
  requestRoute,
  requestEditRoute,
  operatorRequestsRoute,
  operatorFunnelsRoute,
  operatorExportsRoute,
  newSolutionRoute,
  requestSolutionsRoute,
  solutionRoute,
  pilotSitesRoute,
  pilotsRoute,
  pilotRoute,
  projectsRoute,
  projectNewRoute,
  projectRoute,
  projectEditRoute,
  investmentsRoute,
  dealsRoute,
  dealNewRoute,
  dealRoute,
  figuresRoute,
  searchRoute,
  notificationSettingsRoute,
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
