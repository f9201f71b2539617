import { DomainError } from '@tally/errors';
import {
  assertPageSize,
  decodeCursor,
  encodeCursor,
  searchTerms,
  MAX_TENANTS_PAGE,
} from './tenant-search-input';

const ID = '0b7e5a52-8a8c-4d47-9a53-4f2b2d1e6c11';

function reasonOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? [error.code, error.details?.reason] : error;
  }
  return 'no error';
}

describe('tenant search input', () => {
  it('reads its own cursors back, whatever the name holds', () => {
    for (const name of ['Acme', 'Ünïcödé "quoted" \\ %_', '']) {
      expect(decodeCursor(encodeCursor({ name, id: ID }))).toEqual({ name, id: ID });
    }
  });

  it.each([
    ['not base64url', 'a+b/c='],
    ['not JSON', Buffer.from('nope').toString('base64url')],
    ['no array', Buffer.from('{"name":"x"}').toString('base64url')],
    ['no uuid', Buffer.from('["x","42"]').toString('base64url')],
    ['three items', Buffer.from(`["x","${ID}",1]`).toString('base64url')],
    ['empty', ''],
  ])('refuses a cursor that is %s with BAD_CURSOR', (_, cursor) => {
    expect(reasonOf(() => decodeCursor(cursor))).toEqual(['BAD_USER_INPUT', 'BAD_CURSOR']);
  });

  it('takes pages of 1 to 200 tenants', () => {
    expect(reasonOf(() => assertPageSize(1))).toBe('no error');
    expect(reasonOf(() => assertPageSize(MAX_TENANTS_PAGE))).toBe('no error');
    for (const first of [0, -1, MAX_TENANTS_PAGE + 1, 1.5]) {
      expect(reasonOf(() => assertPageSize(first))).toEqual(['BAD_USER_INPUT', 'BAD_PAGE_SIZE']);
    }
  });

  it('lists everything for a blank search, and tells a UUID apart', () => {
    expect(searchTerms(null)).toBeNull();
    expect(searchTerms('   ')).toBeNull();
    expect(searchTerms(' acme ')).toEqual({ text: 'acme', uuid: null });
    expect(searchTerms(ID.toUpperCase())).toEqual({ text: ID.toUpperCase(), uuid: ID });
    expect(reasonOf(() => searchTerms('x'.repeat(201)))).toEqual(['BAD_USER_INPUT', 'BAD_SEARCH']);
  });
});
