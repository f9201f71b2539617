const DAY_MS = 86_400_000;

/** The last `days` UTC days, today included: [from, to) as the API's UTC midnights. */
export function lastDays(days: number, now = new Date()): { from: string; to: string } {
  const tomorrow = Math.floor(now.getTime() / DAY_MS) * DAY_MS + DAY_MS;
  return {
    from: new Date(tomorrow - days * DAY_MS).toISOString(),
    to: new Date(tomorrow).toISOString(),
  };
}

const UTC_DAY = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** "6 Dec 2026": a UTC day as a person reads it. */
export function formatDay(iso: string): string {
  return UTC_DAY.format(new Date(iso));
}
