/**
 * Addresses and CIDR blocks, IPv4 and IPv6: parsed once (ipaddr.js) into a family, a prefix
 * length and the network as a bigint, so that containment and longest-prefix choice are a
 * shift and a compare.
 */
import ipaddr from 'ipaddr.js';

export interface Cidr {
  text: string;
  family: 4 | 6;
  bits: number;
  /** The network address as a number (host bits cleared). */
  network: bigint;
}

export interface Address {
  text: string;
  family: 4 | 6;
  value: bigint;
}

const width = (family: 4 | 6) => (family === 4 ? 32 : 128);

function toBigint(bytes: number[]): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

const addresses = new Map<string, Address | null>();
const cidrs = new Map<string, Cidr | null>();

/** An IPv4 or IPv6 address; undefined when the text is not one. */
export function parseAddress(text: string): Address | undefined {
  let a = addresses.get(text);
  if (a === undefined) {
    a = null;
    if (ipaddr.isValid(text)) {
      const parsed = ipaddr.parse(text);
      a = {
        text,
        family: parsed.kind() === 'ipv4' ? 4 : 6,
        value: toBigint(parsed.toByteArray()),
      };
    }
    addresses.set(text, a);
  }
  return a ?? undefined;
}

/** A CIDR block (a bare address is a /32 or /128); undefined when the text is not one. */
export function parseCidr(text: string): Cidr | undefined {
  let c = cidrs.get(text);
  if (c === undefined) {
    c = null;
    const withBits = text.includes('/') ? text : `${text}/${text.includes(':') ? 128 : 32}`;
    if (ipaddr.isValidCIDR(withBits)) {
      const [addr, bits] = ipaddr.parseCIDR(withBits);
      const family = addr.kind() === 'ipv4' ? 4 : 6;
      const w = width(family);
      const value = toBigint(addr.toByteArray());
      const shift = BigInt(w - bits);
      c = { text, family, bits, network: (value >> shift) << shift };
    }
    cidrs.set(text, c);
  }
  return c ?? undefined;
}

/** Whether the block holds the address (same family only). */
export function contains(cidr: Cidr, address: Address): boolean {
  if (cidr.family !== address.family) return false;
  const shift = BigInt(width(cidr.family) - cidr.bits);
  return (address.value >> shift) << shift === cidr.network;
}

/** Whether the block `outer` holds every address of `inner`. */
export function covers(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || outer.bits > inner.bits) return false;
  const shift = BigInt(width(outer.family) - outer.bits);
  return (inner.network >> shift) << shift === outer.network;
}

/** An address inside the block, for a destination known only by its block. */
export function addressIn(cidr: Cidr): Address {
  const w = width(cidr.family);
  const value = cidr.bits < w ? cidr.network + 1n : cidr.network;
  return { text: toText(value, cidr.family), family: cidr.family, value };
}

function toText(value: bigint, family: 4 | 6): string {
  const bytes: number[] = [];
  for (let i = width(family) / 8 - 1; i >= 0; i--)
    bytes.push(Number((value >> BigInt(i * 8)) & 255n));
  return ipaddr.fromByteArray(bytes).toString();
}

/** The IPv4 or IPv6 default route (0.0.0.0/0 or ::/0). */
export const isDefaultRoute = (c: Cidr) => c.bits === 0;
