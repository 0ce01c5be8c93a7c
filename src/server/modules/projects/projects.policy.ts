// Who may see, read in full and change a project. Pure: the caller looks up the actor's standing first.
import type { OrgRole } from '../../../shared/domain.ts';
import type { PartnerStatus, ProjectStatus } from '../../../shared/ventures.ts';
import { isOpenProject, nextProjectStatus, PROJECT_EVENTS, type ProjectEvent } from './project-status.ts';

/** The caller's standing towards one project. */
export interface ProjectViewer {
  /** operator or administrator */
  operator: boolean;
  /** the caller's role in the lead organization, when a member */
  leadRole: OrgRole | null;
  /** the caller's organizations listed as partners, with the caller's role in each */
  partnerships: Array<{ organizationId: string; status: PartnerStatus; orgRole: OrgRole }>;
}

export const GUEST_VIEWER: ProjectViewer = { operator: false, leadRole: null, partnerships: [] };

const acts = (role: OrgRole | null | undefined) => role === 'owner' || role === 'manager';

/** The showcase shows implemented projects to everyone; the rest exist for the lead, its partners and the operator. */
export const isPublicProject = (project: { status: ProjectStatus }) => project.status === 'implemented';

/** The lead's and the partners' people and the operator: they see every status, invitations and comments. */
export const isInsider = (viewer: ProjectViewer) =>
  viewer.operator || viewer.leadRole !== null || viewer.partnerships.length > 0;

export const canSeeProject = (project: { status: ProjectStatus }, viewer: ProjectViewer) =>
  isPublicProject(project) || isInsider(viewer);

/** Owners and managers of the lead act for the project: edit, invite, start, implement, cancel. */
export const canActForLead = (viewer: Pick<ProjectViewer, 'leadRole'>) => acts(viewer.leadRole);

/** Only an owner or manager of the partner organization itself confirms or declines for it. */
export const canDecideFor = (orgRole: OrgRole | null | undefined) => acts(orgRole);

export const canEditProject = (project: { status: ProjectStatus }, viewer: ProjectViewer) =>
  canActForLead(viewer) && isOpenProject(project.status);

/** The events the viewer may fire on the project now. */
export const allowedEventsFor = (project: { status: ProjectStatus }, viewer: ProjectViewer): ProjectEvent[] =>
  canActForLead(viewer) ? PROJECT_EVENTS.filter((event) => nextProjectStatus(project.status, event) !== null) : [];

/** Partners confirm or decline until the project is cancelled: a partner may answer after the lead marked it done. */
export const acceptsPartnerDecisions = (status: ProjectStatus) => status !== 'cancelled';
