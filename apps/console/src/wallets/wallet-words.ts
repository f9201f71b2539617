import type { DebtState } from '../gql/graphql';

/** Each debt state in words, and the colour of its badge's dot (the words carry the meaning). */
export const DEBT_STATES: Readonly<
  Record<DebtState, { label: string; meaning: string; color: string }>
> = {
  NORMAL: {
    label: 'Normal',
    meaning: 'Nothing to do: more than a day of spending left, or nothing spending.',
    color: 'green',
  },
  LOW_BALANCE: {
    label: 'Low balance',
    meaning: 'Less than a day of spending left.',
    color: 'yellow',
  },
  CRITICAL: { label: 'Critical', meaning: 'Less than an hour of spending left.', color: 'orange' },
  SUSPENDED: {
    label: 'Suspended',
    meaning: 'The money ran out: the namespaces this wallet pays for are stopped.',
    color: 'red',
  },
  RECLAIMED: {
    label: 'Reclaimed',
    meaning: 'Suspended so long that the namespaces were reclaimed.',
    color: 'gray',
  },
};

const UTC_TIME = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** "4 Dec 2026, 19:05 UTC", and how far that is from `now`: "in 2 h 05 min". */
export function describeMoment(iso: string, now: Date): { at: string; relative: string } {
  const moment = new Date(iso);
  return { at: `${UTC_TIME.format(moment)} UTC`, relative: relativeTo(moment, now) };
}

function relativeTo(moment: Date, now: Date): string {
  const minutes = Math.round((moment.getTime() - now.getTime()) / 60_000);
  const span = Math.abs(minutes);
  const text =
    span < 1
      ? 'now'
      : span < 60
        ? `${span} min`
        : span < 48 * 60
          ? `${Math.floor(span / 60)} h ${String(span % 60).padStart(2, '0')} min`
          : `${Math.round(span / (24 * 60))} days`;
  if (text === 'now') return text;
  return minutes > 0 ? `in ${text}` : `${text} ago`;
}
