import { Feature } from '../features.js';
import type { Detector } from './detector.js';

/**
 * An email address (`@` or `%40`). The local part may only start where the previous character could not belong
 * to it, so each run is tried once and the scan stays linear.
 */
const EMAIL = /(?<![\w.%+-])[\w.%+-]{1,64}(?:@|%40)[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![\w-])/g;

export const emailDetector: Detector = {
  name: 'email',
  description: 'email addresses, also percent-encoded (`jane%40example.com`)',
  allOf: 0,
  anyOf: Feature.at | Feature.percent,
  confirm: (text) => text.includes('@') || text.includes('%40'),
  scrub(text, redact) {
    EMAIL.lastIndex = 0;
    return text.replace(EMAIL, () => redact('email'));
  },
};

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/** Four octets, not part of a longer dotted number (a version such as 1.2.3.4.5) or word. */
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?![\\w-]|\\.\\d)`, 'g');

/** Loopback and unspecified addresses identify nobody and stay readable. */
function isLocalIpv4(address: string): boolean {
  return address.startsWith('127.') || address === '0.0.0.0';
}

export const ipv4Detector: Detector = {
  name: 'ipv4',
  description: 'IPv4 addresses (except loopback 127.0.0.0/8 and 0.0.0.0)',
  allOf: Feature.threeDots | Feature.fourDigits,
  scrub(text, redact) {
    IPV4.lastIndex = 0;
    return text.replace(IPV4, (match) => (isLocalIpv4(match) ? match : redact('ipv4')));
  },
};

/** A run of hex digits, colons and dots bounded by characters that cannot belong to an address. */
const IPV6_CANDIDATE = /(?<![\w:.])[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}(?![\w:.])/g;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/** Validates `candidate` as an IPv6 address with at least three groups (so `a::b` stays text). */
export function isIpv6(candidate: string): boolean {
  let text = candidate;
  let groupsFromIpv4 = 0;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    const tail = text.slice(lastColon + 1);
    if (!new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`).test(tail)) return false;
    text = `${text.slice(0, lastColon + 1)}0:0`;
    groupsFromIpv4 = 2;
  }
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  if (!groups.every((group) => HEX_GROUP.test(group))) return false;
  if (halves.length === 1) return groups.length === 8;
  return groups.length <= 7 && groups.length >= Math.max(3, groupsFromIpv4 + 1);
}

function isLocalIpv6(address: string): boolean {
  return address === '::1' || address === '::';
}

export const ipv6Detector: Detector = {
  name: 'ipv6',
  description: 'IPv6 addresses, full or compressed, IPv4-mapped included (except ::1)',
  allOf: Feature.twoColons,
  scrub(text, redact) {
    IPV6_CANDIDATE.lastIndex = 0;
    return text.replace(IPV6_CANDIDATE, (match) =>
      match.includes(':') && isIpv6(match) && !isLocalIpv6(match) ? redact('ipv6') : match,
    );
  },
};
