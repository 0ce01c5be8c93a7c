import type { AppInstance } from '../../http/app-instance.ts';
import type { ApplicationsService } from './applications.service.ts';

export function applicationsRoutes(_app: AppInstance, _applications: ApplicationsService) {}
