const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids from callers that cannot be UUIDs name nothing: a repository answers "not found" for
 * them instead of letting Postgres fail the cast (a 500).
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
