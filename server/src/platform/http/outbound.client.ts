import { type LookupAddress, lookup } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';

// A beheerder types the addresses Plein fetches from (an RSS feed, a Mastodon instance, a mail server, an OpenID
// provider). Without a guard that is a way into the installation's own network: the database, the metadata service of
// the cloud, an intranet. Plein connects only to public addresses, unless the operator allows a private range
// (PLEIN_OUTBOUND_ALLOW, e.g. "10.1.2.0/24" for the municipality's own mail server). The check is made on the address
// Plein actually connects to, after DNS and on every redirect, so a name that resolves to 127.0.0.1 or a redirect to
// 169.254.169.254 is refused as well.
export class OutboundAddressRefused extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      `Plein maakt geen verbinding met ${host}: dat is een intern adres (${address}). De beheerder van de installatie kan het toestaan met PLEIN_OUTBOUND_ALLOW.`,
    );
    this.name = 'OutboundAddressRefused';
  }
}

export interface OutboundPolicy {
  allows(address: string): boolean;
}

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

// Public unicast addresses always; anything else (loopback, private, link-local, unique-local, carrier NAT, multicast,
// reserved) only inside a range the operator listed.
export function createOutboundPolicy(allowed: readonly string[]): OutboundPolicy {
  const ranges: Range[] = allowed.map((cidr) => ipaddr.parseCIDR(cidr));
  return {
    allows(address) {
      if (!ipaddr.isValid(address)) return false;
      const ip = ipaddr.process(address);
      if (ip.range() === 'unicast') return true;
      return ranges.some(([network, bits]) => network.kind() === ip.kind() && ip.match(network, bits));
    },
  };
}

// "10.0.0.0/8" or "::1/128": what PLEIN_OUTBOUND_ALLOW may hold; a bare address counts as that one address.
export function parseOutboundRange(text: string): string | null {
  const candidate = text.includes('/') ? text : `${text}/${isIP(text) === 6 ? 128 : 32}`;
  try {
    ipaddr.parseCIDR(candidate);
    return candidate;
  } catch {
    return null;
  }
}

function checkedLookup(policy: OutboundPolicy) {
  return ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error);
      const allowed = addresses.filter((entry) => policy.allows(entry.address));
      if (allowed.length === 0) return callback(new OutboundAddressRefused(hostname, addresses[0]?.address ?? '?'));
      if (options.all) return callback(null, allowed);
      return callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  }) as never;
}

// fetch for everything a tenant configured: connects only where the policy allows.
export function createGuardedFetch(policy: OutboundPolicy): typeof fetch {
  const connectChecked = buildConnector({ lookup: checkedLookup(policy) } as buildConnector.BuildOptions);
  const dispatcher = new Agent({
    connect: (options, callback) => {
      // A literal address is connected to without a lookup, so it is judged here.
      const host = options.hostname.replace(/^\[|\]$/g, '');
      if (isIP(host) && !policy.allows(host)) return callback(new OutboundAddressRefused(options.hostname, host), null);
      return connectChecked(options, callback);
    },
  });
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) => undiciFetch(input as never, { ...(init as object), dispatcher } as never)) as never;
}

// The address to connect to for a protocol without fetch (IMAP, SMTP): the host's first allowed address, so the
// connection goes where the check looked. TLS still checks the certificate against the host name.
export async function resolveAllowedAddress(policy: OutboundPolicy, host: string): Promise<string> {
  const literal = host.replace(/^\[|\]$/g, '');
  if (isIP(literal)) {
    if (!policy.allows(literal)) throw new OutboundAddressRefused(host, literal);
    return literal;
  }
  const addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
    lookup(host, { all: true }, (error, found) => (error ? reject(error) : resolve(found))),
  );
  const allowed = addresses.find((entry) => policy.allows(entry.address));
  if (!allowed) throw new OutboundAddressRefused(host, addresses[0]?.address ?? '?');
  return allowed.address;
}

// The refusal behind a failed fetch (undici wraps the connector's error as the cause of "fetch failed").
export function findOutboundRefusal(error: unknown): OutboundAddressRefused | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current instanceof OutboundAddressRefused) return current;
  }
  return undefined;
}
