// Where a webhook may post. The server calls the URL itself, so a URL aimed at the server's own network would let an
// organization probe it (SSRF): loopback, private, link-local and other non-public addresses are refused unless the
// installation allows them (WEBHOOKS_ALLOW_PRIVATE, for tests and closed networks). The check runs twice: on the URL
// when the webhook is created, and on every address the name resolves to when a delivery connects.
import net from 'node:net';

const NON_PUBLIC = new net.BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
] as const) {
  NON_PUBLIC.addSubnet(address, prefix, 'ipv4');
}
for (const [address, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64 of IPv4 addresses
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  NON_PUBLIC.addSubnet(address, prefix, 'ipv6');
}

/** A literal IP address outside the public internet (IPv4-mapped IPv6 addresses count as their IPv4 address). */
export function isNonPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  return NON_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export type WebhookUrlProblem = 'scheme' | 'private' | 'credentials';

/**
 * Checks a webhook URL as written: http(s) only, no user:password (it would be sent to every receiver's logs), and
 * not a non-public address or a local name unless `allowPrivate`. Names are resolved only at delivery.
 */
export function checkWebhookUrl(raw: string, allowPrivate: boolean): WebhookUrlProblem | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'scheme';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'scheme';
  if (url.username || url.password) return 'credentials';
  if (allowPrivate) return undefined;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (isNonPublicAddress(host)) return 'private';
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) {
    return 'private';
  }
  if (net.isIP(host) === 0 && !host.includes('.')) return 'private'; // a bare name resolves inside the network
  return undefined;
}
