import type { AppInstance } from '../../http/app-instance.ts';
import type { NotificationsService } from './notifications.service.ts';

export function notificationsRoutes(_app: AppInstance, _notifications: NotificationsService) {}
