// Who may see and change what of a support measure. Pure.
import type { MeasureStatus } from '../../../shared/measures.ts';
import { type Actor, isOperator } from '../../http/actor.ts';

/** Drafts are the operator's; published, closed and archived measures are public. */
export const canSeeMeasure = (actor: Actor | null, status: MeasureStatus) => status !== 'draft' || isOperator(actor);

/** Statuses a guest or a company may ask the catalogue for. */
export const PUBLIC_STATUSES: readonly MeasureStatus[] = ['published', 'closed', 'archived'];

/** Applicants answered the form and are judged by the criteria and rules they saw: these stay once published. */
export const LOCKED_WHEN_PUBLISHED = ['formFields', 'criteria', 'eligibility'] as const;

/** A draft changes freely, a published measure within limits, a closed or archived one not at all. */
export const isEditable = (status: MeasureStatus) => status === 'draft' || status === 'published';

/** The catalogue shows an organization its eligibility to its own members and to the operator. */
export const canSeeEligibility = (actor: Actor, isMember: boolean) => isMember || isOperator(actor);
