import type { AppInstance } from '../../http/app-instance.ts';
import type { AnalyticsService } from './analytics.service.ts';

export function analyticsRoutes(app: AppInstance, analytics: AnalyticsService) {
  void app;
  void analytics;
}
