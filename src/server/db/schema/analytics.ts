import { bigint, bigserial, integer, jsonb, pgTable, timestamp } from 'drizzle-orm/pg-core';

/**
 * The ecosystem's figures as last computed: the public dashboard and open data are served from the newest row, so
 * a visitor never makes the database count. `sourceMark` is the newest audit row the computation saw; a refresh
 * is skipped while nothing has changed since.
 */
export const kpiSnapshots = pgTable('kpi_snapshots', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  /** milliseconds the computation took, shown to the operator */
  durationMs: integer('duration_ms').notNull(),
  sourceMark: bigint('source_mark', { mode: 'number' }).notNull(),
  payload: jsonb('payload').notNull(),
});
