import { BlockList, isIP } from 'node:net';
import { badInput } from '@tally/errors';

/**
 * Addresses a webhook may never reach unless allow-listed: this host, the cluster's and the
 * cloud's private networks, link-local (cloud metadata at 169.254.169.254), and the special
 * ranges around them. IPv4-mapped IPv6 (::ffff:127.0.0.1) is checked against the v4 rules.
 */
const PRIVATE_V4: readonly [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const PRIVATE_V6: readonly [string, number][] = [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
];

const privateRanges = new BlockList();
for (const [network, prefix] of PRIVATE_V4) privateRanges.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of PRIVATE_V6) privateRanges.addSubnet(network, prefix, 'ipv6');

/** TALLY_WEBHOOK_ALLOWED_HOSTS: exact host names and CIDRs that may be targets anyway. */
export class WebhookAllowList {
  private readonly hosts = new Set<string>();
  private readonly ranges = new BlockList();

  constructor(setting: string) {
    for (const item of setting.split(',').map((s) => s.trim().toLowerCase())) {
      if (item === '') continue;
      const [network, prefix] = item.split('/');
      const family = isIP(network);
      if (family === 0) {
        this.hosts.add(item);
      } else {
        const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
        this.ranges.addSubnet(network, bits, family === 4 ? 'ipv4' : 'ipv6');
      }
    }
  }

  allowsHost(hostname: string): boolean {
    return this.hosts.has(hostname.toLowerCase());
  }

  allowsAddress(address: string): boolean {
    return this.ranges.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
  }
}

/** Whether an IP address is in a range webhooks may not reach. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return privateRanges.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** Refuses an address that is private and not allow-listed. */
export function assertPublicAddress(
  address: string,
  hostname: string,
  allow: WebhookAllowList,
): void {
  if (allow.allowsHost(hostname) || allow.allowsAddress(address)) return;
  if (isPrivateAddress(address)) {
    throw badInput(`${hostname} resolves to ${address}, a private or reserved address`, {
      reason: 'PRIVATE_ADDRESS',
    });
  }
}

/**
 * A registrable webhook URL: http(s), no credentials, and — when the host is an IP literal
 * — a public address. Plain http only for allow-listed hosts: payloads carry billing data.
 * Host names are resolved and checked separately (at registration and at every delivery).
 */
export function parseWebhookUrl(text: string, allow: WebhookAllowList): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput('url is not a valid URL', { reason: 'BAD_URL' });
  }
  if (text.length > 2000) throw badInput('url is too long', { reason: 'BAD_URL' });
  const host = hostnameOf(url);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allow.allowsHost(host))) {
    if (!(url.protocol === 'http:' && isIP(host) !== 0 && allow.allowsAddress(host))) {
      throw badInput('url must use https', { reason: 'BAD_URL' });
    }
  }
  if (url.username !== '' || url.password !== '') {
    throw badInput('url must not carry credentials', { reason: 'BAD_URL' });
  }
  if (isIP(host) !== 0) assertPublicAddress(host, host, allow);
  return url;
}

/** The URL's host without IPv6 brackets, as DNS and `net` want it. */
export function hostnameOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}
