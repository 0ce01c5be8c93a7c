import type { AppInstance } from '../../http/app-instance.ts';
import type { FilesService } from './files.service.ts';

export function filesRoutes(_app: AppInstance, _files: FilesService) {}
