/**
 * A key's IP allow-list: IPv4 and IPv6 addresses and CIDR blocks. Entries are validated and
 * written in one canonical form when the key is created; matching uses node's BlockList,
 * which also matches an IPv4-mapped IPv6 client address (::ffff:a.b.c.d) against IPv4 rules.
 */
import { BlockList, isIP } from 'node:net';

/** The canonical text of an address or CIDR, or undefined when it is neither. */
export function normalizeIpEntry(entry: string): string | undefined {
  const trimmed = entry.trim();
  const slash = trimmed.indexOf('/');
  const address = slash === -1 ? trimmed : trimmed.slice(0, slash);
  const version = isIP(address);
  if (version === 0 || address.includes('%')) return undefined;
  const canonical = version === 4 ? address : canonicalIpv6(address);
  if (canonical === undefined) return undefined;
  if (slash === -1) return canonical;
  const prefix = trimmed.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > (version === 4 ? 32 : 128)) return undefined;
  return `${canonical}/${Number(prefix)}`;
}

function canonicalIpv6(address: string): string | undefined {
  try {
    return new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
}

export interface IpCheck {
  allows(ip: string): boolean;
}

const ANY: IpCheck = { allows: () => true };

/** The matcher for normalised entries; an empty list allows every address. */
export function ipCheckOf(entries: readonly string[]): IpCheck {
  if (entries.length === 0) return ANY;
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/') as [string, string | undefined];
    const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return {
    allows(ip) {
      const version = isIP(ip);
      return version !== 0 && list.check(ip, version === 4 ? 'ipv4' : 'ipv6');
    },
  };
}
