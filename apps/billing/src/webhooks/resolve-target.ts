import { lookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { lookup as lookupCallback } from 'node:dns';
import { badInput } from '@tally/errors';
import { assertPublicAddress, hostnameOf, type WebhookAllowList } from './webhook-target';

/** Resolves the URL's host and refuses it when any address is private (registration). */
export async function assertResolvesPublic(url: URL, allow: WebhookAllowList): Promise<void> {
  const host = hostnameOf(url);
  if (isIP(host) !== 0) return assertPublicAddress(host, host, allow);
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch {
    throw badInput(`${host} does not resolve`, { reason: 'UNRESOLVABLE_HOST' });
  }
  for (const { address } of addresses) assertPublicAddress(address, host, allow);
}

/**
 * A `lookup` for http.request that refuses private answers at connection time, so a DNS
 * answer that changed since registration (rebinding) cannot reach an internal address: the
 * address checked is the address connected to.
 */
export function guardedLookup(allow: WebhookAllowList): LookupFunction {
  return (hostname, options, callback) => {
    lookupCallback(hostname, { ...options, all: true, verbatim: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      try {
        for (const { address } of addresses) assertPublicAddress(address, hostname, allow);
      } catch (refused) {
        return callback(refused as NodeJS.ErrnoException, '', 4);
      }
      if (options.all) return (callback as AllCallback)(null, addresses);
      const [first] = addresses;
      callback(null, first.address, first.family);
    });
  };
}

type AllCallback = (error: null, addresses: { address: string; family: number }[]) => void;
