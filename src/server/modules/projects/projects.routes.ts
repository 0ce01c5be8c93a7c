import type { AppInstance } from '../../http/app-instance.ts';
import type { ProjectsService } from './projects.service.ts';

export function projectsRoutes(app: AppInstance, projects: ProjectsService) {
  void app;
  void projects;
}
