/**
 * How the report names a secret's value: its first two characters, enough to recognise it. A
 * short secret (a CVV) shows none: two characters would be most of it.
 */
export function masked(value: string): string {
  return value.length >= 8 ? `${value.slice(0, 2)}…` : '…';
}
