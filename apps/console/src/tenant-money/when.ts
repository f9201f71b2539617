/** Times on the tenant page: to the minute, in UTC as the API keeps them. */
const WHEN = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

export const formatWhen = (iso: string): string => `${WHEN.format(new Date(iso))} UTC`;
