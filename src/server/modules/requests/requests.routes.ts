import type { AppInstance } from '../../http/app-instance.ts';
import type { RequestsService } from './requests.service.ts';

export function requestsRoutes(app: AppInstance, requests: RequestsService) {
  void app;
  void requests;
}
