// Calendar dates (YYYY-MM-DD) as people in Moscow read them, for the server and the web alike: today in Moscow,
// whole calendar months added the way PostgreSQL adds an interval of months (the database checks pilot periods
// with `starts_on + interval '3 months'`), and real dates only.

/** Today's date in Moscow (UTC+3 all year, no daylight saving). */
export function moscowToday(now = new Date()): string {
  return new Date(now.getTime() + 3 * 3600 * 1000).toISOString().slice(0, 10);
}

/** Adds whole months, keeping the day or the month's last day: 2026-11-30 + 3 → 2027-02-28. */
export function addCalendarMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** A real calendar date in YYYY-MM-DD form (refuses 2026-02-30 and anything of another shape). */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}
