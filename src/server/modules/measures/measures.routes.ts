import type { AppInstance } from '../../http/app-instance.ts';
import type { MeasuresService } from './measures.service.ts';

export function measuresRoutes(_app: AppInstance, _measures: MeasuresService) {}
