/** The part of a client address that limits count against: an IPv4 address, or an IPv6 /64 network. */

import { isIPv6 } from 'node:net'

/**
 * The key per-address limits use for `address`. One IPv6 subscriber usually holds a whole /64
 * (2^64 addresses), so IPv6 is cut to its first four groups; an IPv4-mapped IPv6 address is its
 * IPv4 address. Anything else (a test's made-up address) is returned as it is.
 * @example addressKey('2001:db8:1:2:aa:bb:cc:dd') // → '2001:db8:1:2::/64'
 */
export function addressKey(address: string): string {
  if (!address.includes(':')) return address
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)
  if (mapped?.[1] !== undefined) return mapped[1]
  if (!isIPv6(address)) return address
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`
}

/** The eight groups of an IPv6 address, lower-case without leading zeros ('::' expanded). */
function expandIPv6(address: string): string[] {
  // A trailing embedded IPv4 part ("::1.2.3.4") only matters past the first four groups.
  const [head = '', tail] = address.toLowerCase().split('::')
  const left = head === '' ? [] : head.split(':')
  const right = tail === undefined || tail === '' ? [] : tail.split(':')
  const missing = Math.max(0, 8 - left.length - right.length)
  const groups =
    tail === undefined ? left : [...left, ...Array<string>(missing).fill('0'), ...right]
  return groups.map((group) =>
    /^[0-9a-f]+$/.test(group) ? String(parseInt(group, 16).toString(16)) : group,
  )
}
