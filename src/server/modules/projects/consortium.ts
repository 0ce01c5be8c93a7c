// The consortium of a cooperative grant is a project the applicant leads: other modules (support applications) ask
// here whether a project may stand as one.
import type { EligibilityRules } from '../../../shared/measures.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError, invalidFields } from '../../http/app-error.ts';
import { consortiumCheck } from './joint-rule.ts';
import { findLedProjectParticipation } from './projects.repository.ts';

/**
 * Checks the project an application names for `organizationId`. With the measure's consortium rule the project is
 * required (400 `projectId`) and must hold `min`..`max` confirmed cluster participants now (409 naming the count and
 * the range); without the rule a project, when named, must still be one the organization leads (400).
 */
export async function checkConsortiumProject(
  db: DbOrTx,
  rules: EligibilityRules,
  organizationId: string,
  projectId: string | null | undefined,
) {
  const rule = rules.consortium;
  if (!projectId) {
    if (rule) throw invalidFields({ projectId: 'project.consortium_project_required' });
    return null;
  }
  const project = await findLedProjectParticipation(db, projectId, organizationId);
  if (!project || project.status === 'cancelled') {
    throw invalidFields({ projectId: 'project.consortium_project_unknown' });
  }
  if (rule && consortiumCheck(project.confirmedParticipants, rule) !== 'ok') {
    const params = { count: project.confirmedParticipants, min: rule.min, max: rule.max, number: project.number };
    throw new AppError('project.consortium_size', 'conflict', params, {
      projectId: { code: 'project.consortium_size', params },
    });
  }
  return project;
}
