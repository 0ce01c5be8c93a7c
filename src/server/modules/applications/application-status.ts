// The support-application state machine: data plus one pure function.
import type { ApplicationStatus } from '../../../shared/measures.ts';

export const APPLICATION_EVENTS = [
  'submit',
  'return',
  'register',
  'start_review',
  'approve',
  'reject',
  'sign_agreement',
  'pay',
  'start_reporting',
  'complete',
  'withdraw',
] as const;
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

const TRANSITIONS: Record<ApplicationEvent, Partial<Record<ApplicationStatus, ApplicationStatus>>> = {
  // a returned file comes back through the same submit
  submit: { draft: 'submitted', returned: 'submitted' },
  return: { submitted: 'returned', registered: 'returned' },
  register: { submitted: 'registered' },
  // experts assigned: the file goes to review
  start_review: { registered: 'under_review' },
  approve: { under_review: 'approved' },
  reject: { registered: 'rejected', under_review: 'rejected' },
  sign_agreement: { approved: 'agreement_signed' },
  // the first tranche starts disbursement; later tranches keep it there
  pay: { agreement_signed: 'disbursing', disbursing: 'disbursing' },
  // everything approved is paid: the reports fall due
  start_reporting: { disbursing: 'reporting' },
  complete: { reporting: 'completed' },
  // the company may withdraw any time before a decision
  withdraw: {
    draft: 'withdrawn',
    submitted: 'withdrawn',
    returned: 'withdrawn',
    registered: 'withdrawn',
    under_review: 'withdrawn',
  },
};

export function nextApplicationStatus(current: ApplicationStatus, event: ApplicationEvent): ApplicationStatus | null {
  return TRANSITIONS[event][current] ?? null;
}

export function allowedApplicationEvents(current: ApplicationStatus): ApplicationEvent[] {
  return APPLICATION_EVENTS.filter((event) => nextApplicationStatus(current, event) !== null);
}

/** Statuses in which the company can still change its answers. */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ['draft', 'returned'];

/** Statuses in which the company owes and files its reports. */
export const REPORTING_STATUSES: readonly ApplicationStatus[] = ['agreement_signed', 'disbursing', 'reporting'];
