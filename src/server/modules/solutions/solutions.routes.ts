import type { AppInstance } from '../../http/app-instance.ts';
import type { SolutionsService } from './solutions.service.ts';

export function solutionsRoutes(app: AppInstance, solutions: SolutionsService) {
  void app;
  void solutions;
}
