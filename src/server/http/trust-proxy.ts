import proxyAddr from '@fastify/proxy-addr';

/**
 * Which X-Forwarded-For entries Silta believes (`SILTA_TRUST_PROXY`). The address a request is counted
 * under (sign-in and slip throttling) is the first address, read from the right, that is not a trusted
 * proxy; whatever a client writes further left is never read, so rotating it escapes nothing.
 */
export type TrustProxy =
  | { kind: 'none' }
  /** The proxies' own addresses or ranges (IPs, CIDRs, or proxy-addr's `loopback`, `linklocal`, `uniquelocal`). */
  | { kind: 'addresses'; addresses: string[] }
  /** A fixed number of proxies in front; safe only when Silta cannot be reached except through them. */
  | { kind: 'hops'; hops: number; isFromTrue: boolean };

export class TrustProxyError extends Error {}

/** Parses the setting: unset/`false`/`0`, a hop count, `true` (one hop, see OPERATIONS.md), or a comma-separated address list. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false' || value === '0') return { kind: 'none' };
  // The old boolean: the documented setup is one TLS-terminating proxy, which one hop describes
  // exactly. Trusting every hop, as `true` used to, let a client choose its own address.
  if (value === 'true') return { kind: 'hops', hops: 1, isFromTrue: true };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new TrustProxyError(`SILTA_TRUST_PROXY: ${hops} proxy hops is not believable; give the proxies' addresses instead`);
    return { kind: 'hops', hops, isFromTrue: false };
  }
  const addresses = value.split(',').map((part) => part.trim()).filter((part) => part !== '');
  try {
    proxyAddr.compile(addresses);
  } catch (error) {
    throw new TrustProxyError(`SILTA_TRUST_PROXY must be false, a hop count, or the proxies' addresses (IPs or CIDRs, comma-separated): ${(error as Error).message}`);
  }
  return { kind: 'addresses', addresses };
}

/**
 * Fastify's `trustProxy` for the setting. Fastify 5 deliberately ignores a bare hop count (it cannot
 * check who the nearest peer is), so hops become a function trusting that many hops from the socket.
 */
export function fastifyTrustProxy(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  switch (trust.kind) {
    case 'none':
      return false;
    case 'addresses':
      return trust.addresses;
    case 'hops':
      return (_address, hop) => hop < trust.hops;
  }
}

/** A line for the start-up log when the setting works but is weaker than it could be. */
export function trustProxyWarning(trust: TrustProxy): string | null {
  if (trust.kind !== 'hops') return null;
  const setting = trust.isFromTrue ? 'SILTA_TRUST_PROXY=true now means one proxy hop' : `SILTA_TRUST_PROXY=${trust.hops} trusts ${trust.hops} proxy hop(s)`;
  return `${setting}: a client that can reach Silta without the proxy can choose the address it is counted under. Set SILTA_TRUST_PROXY to the proxy's address instead (e.g. 10.0.0.5 or 10.0.0.0/24).`;
}
