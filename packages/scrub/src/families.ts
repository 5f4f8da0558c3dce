import { Family } from './detectors/index.js';

/**
 * The `at`, `separator` and `digits` families need a digit or one of `@ % : =`: one native class
 * test answers for all three at once.
 */
export const TRIGGER = /[@%:=\d]/;
const DIGIT_PAIR = /\d[\d.]/;
const TOKEN_START = /eyJ|-----BEGIN|A[KS]IA|AIza|SG\.|ya29\.|[A-Za-z0-9][_-][\w-]{10}/;
const AUTH_SCHEME = /(?:bearer|basic|token|negotiate)[ \t]/i;
/** The shortest token any token detector looks for. */
const MIN_TOKEN = 14;

/**
 * Families run in this order: tokens and private keys first (a key-value rule would otherwise cut a
 * PEM block at its first space), then URLs and emails, key-value text, digits, paths, custom patterns.
 */
export const FAMILY_ORDER = [
  Family.token,
  Family.authScheme,
  Family.at,
  Family.separator,
  Family.digits,
  Family.path,
  Family.markup,
  Family.any,
];

/** The shared first test of a detector family (see `Family`). */
export function hasFamily(family: number, text: string, triggered: boolean): boolean {
  switch (family) {
    case Family.token:
      return text.length >= MIN_TOKEN && TOKEN_START.test(text);
    case Family.authScheme:
      return text.length >= MIN_TOKEN && text.includes(' ') && AUTH_SCHEME.test(text);
    case Family.at:
      return triggered && (text.includes('@') || (text.includes('%') && text.includes('%40')));
    case Family.separator:
      return triggered && (text.includes(':') || text.includes('='));
    case Family.digits:
      return triggered && DIGIT_PAIR.test(text);
    case Family.path:
      return (
        (text.includes('/') || text.includes('\\')) && (text.includes('home/') || text.includes('Users'))
      );
    case Family.markup:
      return text.includes('</');
    default:
      return true;
  }
}
