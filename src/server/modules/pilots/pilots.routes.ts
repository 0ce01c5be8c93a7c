import type { AppInstance } from '../../http/app-instance.ts';
import type { PilotsService } from './pilots.service.ts';

export function pilotsRoutes(app: AppInstance, pilots: PilotsService) {
  void app;
  void pilots;
}
