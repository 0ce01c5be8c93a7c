import type { PilotStatus } from '../../../../shared/innovation.ts';

/** Pilots in progress: at most one per solution (the server holds the same rule). */
export const OPEN_PILOT_STATUSES: readonly string[] = ['proposed', 'approved', 'running'] satisfies PilotStatus[];
