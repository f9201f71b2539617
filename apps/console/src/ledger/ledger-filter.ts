import type { LedgerEntryFilter } from '../gql/graphql';

const DAY_MS = 86_400_000;

/** The form's fields: a kind and a range of UTC days, both ends included. */
export interface Draft {
  readonly kind: string;
  readonly fromDay: string;
  readonly toDay: string;
}

export const NO_FILTER: Draft = { kind: '', fromDay: '', toDay: '' };

/** The API's filter for the form, or what is wrong with it in words. */
export function filterOf(draft: Draft): LedgerEntryFilter | null | string {
  const from = draft.fromDay === '' ? null : Date.parse(`${draft.fromDay}T00:00:00Z`);
  const to = draft.toDay === '' ? null : Date.parse(`${draft.toDay}T00:00:00Z`) + DAY_MS;
  if (Number.isNaN(from) || Number.isNaN(to)) return 'Write the days as YYYY-MM-DD.';
  if (from !== null && to !== null && from >= to)
    return 'The first day must not be after the last.';
  if (draft.kind === '' && from === null && to === null) return null;
  return {
    kind: draft.kind === '' ? null : draft.kind,
    from: from === null ? null : new Date(from).toISOString(),
    to: to === null ? null : new Date(to).toISOString(),
  };
}
