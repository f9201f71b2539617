import type { Principal } from '@tally/transport';

/**
 * One value per GraphQL request, made for its caller on first use. The HTTP request object is
 * the key, so the value lives exactly as long as the request.
 */
export function perRequest<T>(
  create: (principal: Principal) => T,
): (request: object, principal: Principal) => T {
  const values = new WeakMap<object, T>();
  return (request, principal) => {
    let value = values.get(request);
    if (value === undefined) {
      value = create(principal);
      values.set(request, value);
    }
    return value;
  };
}
