import type { AppInstance } from '../../http/app-instance.ts';
import type { InvestmentsService } from './investments.service.ts';

export function investmentsRoutes(app: AppInstance, investments: InvestmentsService) {
  void app;
  void investments;
}
