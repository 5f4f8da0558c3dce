/**
 * Messages are cut to this many UTF-16 code units (8 KB) before they are parameterized, and the
 * result is cut to it again; the cut falls on whitespace in the last 256 characters when it can.
 */
const MAX_LENGTH = 8192;
/** Rounds of replacement: the second normally only confirms the first (see `parameterize`). */
const MAX_ROUNDS = 4;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;
const isAlnum = (c: number) => isDigit(c) || isLetter(c);
const isWord = (c: number) => isAlnum(c) || c === 95;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** A scheme and `://`, then up to 2 KB of URL; trailing punctuation is given back. */
const URL = /(?<![\w+.-])[A-Za-z][\w+.-]{0,30}:\/\/[^\s"<>`]{1,2048}/g;
const URL_TAIL = /[.,;:!?'")\]}]{1,16}$/;
const UUID = /(?<![A-Za-z0-9])[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}(?![A-Za-z0-9])/g;
const EMAIL_DOMAIN = /(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-]|\.[A-Za-z0-9])/y;

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:Mon|Tue(?:s)?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\\s';
const TIME =
  '\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?(?:\\s?[AaPp][Mm])?(?:\\s?(?:Z|(?:UTC|GMT)?[+-]\\d{2}:?\\d{2}|UTC|GMT))?';
const CALENDAR = `\\d{4}([-/])\\d{1,2}\\1\\d{1,2}|\\d{1,2}([-/.])\\d{1,2}\\2\\d{4}|(?:${WEEKDAY})?(?:\\d{1,2}\\s${MONTH},?\\s\\d{4}|${MONTH}\\s\\d{1,2}(?:,?\\s\\d{4})?)`;
/** ISO 8601 and common calendar dates, each with an optional time, and times of day (`HH:MM:SS`). */
const DATE = new RegExp(
  `(?<![\\w.:-])(?:(?:${CALENDAR})(?:(?:[T ]|,\\s?)${TIME})?|${TIME})(?![\\w:]|[.,]\\d)`,
  'g',
);

/** A run of hex digits, colons and dots that may be an IPv6 address; validated by `isIpv6`. */
const IPV6 = /(?<![\w:.])[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}(?![\w:])/g;
const IPV4 = /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?!\w|\.\d)/g;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;
/** `0x…`, or a run of 8–256 hex digits: a hash when 32, 40 or 64 long, else hex if it mixes digits and letters. */
const HEX = /(?<![A-Za-z0-9])(?:0[xX][0-9A-Fa-f]{1,64}|[0-9A-Fa-f]{8,256})(?![A-Za-z0-9])/g;
const DURATION = new RegExp(
  '(?<![\\w.>])-?(?:(?:\\d{1,15}(?:\\.\\d{1,9})?(?:ns|us|µs|ms|s|m|h|d)){1,4}|\\d{1,15}(?:\\.\\d{1,9})? ?' +
    '(?:(?:nano|micro|milli)?seconds?|ms|msecs?|secs?|mins?|minutes?|hrs?|hours?|days?|weeks?))(?![\\w<])',
  'g',
);
/** Dotted names; `isHostname` decides from the top-level label and the shape. */
const HOSTNAME =
  /(?<![\w.@-])(?:[A-Za-z0-9][A-Za-z0-9-]{0,62}\.){1,10}[A-Za-z]{2,24}(?![\w-]|\.[A-Za-z0-9])/g;
/** Top-level labels that make a dotted name a host on their own; file extensions and code words stay out. */
const TLDS =
  'com net org edu gov mil io co ai cloud info biz uk de fr nl eu ca au jp ch se dk fi ie nz br ru cn kr sg hk';
const HOST_TLDS = new Set(`${TLDS} local internal lan localhost arpa`.split(' '));
/** Top-level labels that make a host of three or more labels (`api.example.dev`). */
const HOST_TLDS_3 = new Set('dev app me us site tech xyz online corp svc cluster'.split(' '));

function isIpv4(text: string): boolean {
  return text.split('.').every((octet) => Number(octet) <= 255);
}

/** Full (8 groups) or compressed (`::`, at least one group) IPv6, also with a trailing IPv4. */
function isIpv6(candidate: string): boolean {
  let text = candidate;
  const lastColon = text.lastIndexOf(':');
  if (lastColon === -1) return false;
  if (text.includes('.', lastColon)) {
    const ipv4 = text.slice(lastColon + 1);
    if (!/^\d{1,3}(?:\.\d{1,3}){3}$/.test(ipv4) || !isIpv4(ipv4)) return false;
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  if (!groups.every((group) => HEX_GROUP.test(group))) return false;
  return halves.length === 1 ? groups.length === 8 : groups.length >= 1 && groups.length <= 7;
}

function isHostname(name: string): boolean {
  const labels = name.split('.');
  const tld = labels[labels.length - 1]!.toLowerCase();
  if (HOST_TLDS.has(tld)) return true;
  return labels.length >= 3 && (HOST_TLDS_3.has(tld) || labels.some((label) => label.includes('-')));
}

/** Emails, found from each `@` outwards: at most 64 local-part characters, then a `label.tld` domain. */
function replaceEmails(text: string): string {
  let out = '';
  let copied = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > copied && at - start < 64 && /[\w.%+-]/.test(text[start - 1]!)) start--;
    EMAIL_DOMAIN.lastIndex = at + 1;
    if (start === at || !EMAIL_DOMAIN.test(text)) continue;
    out += `${text.slice(copied, start)}<email>`;
    copied = EMAIL_DOMAIN.lastIndex;
    at = copied - 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const FRACTION = /\.\d+(?:[eE][+-]?\d+)?(?!\w|\.\d)/y;
const DIGIT_RUN = /^-\d+|\d+/g;

/**
 * A word's digits: error-code shapes (uppercase, digits, `_`, `-`: `E11000`, `ORA-00942`, `42P01`)
 * stay unless they hold six digits in a row; otherwise a digit run becomes `<int>` unless it is
 * short (one or two digits) and joined to a letter or `_` (`utf8`, `v2`, `email_1`).
 */
function replaceWordDigits(word: string): string {
  if (!/\d/.test(word)) return word;
  if (/^[A-Z0-9_-]+$/.test(word) && /[A-Z]/.test(word) && !/\d{6}/.test(word)) return word;
  return word.replace(DIGIT_RUN, (run: string, at: number) => {
    const joined = [word.charCodeAt(at - 1), word.charCodeAt(at + run.length)].some(
      (c) => isLetter(c) || c === 95,
    );
    return joined && run.length < 3 && run[0] !== '-' ? run : '<int>';
  });
}

/** Numbers, scanned word by word: `-12` → `<int>`, `3.5e-2` → `<float>`, `1.2.3` → `<int>.<int>.<int>`. */
function replaceNumbers(text: string): string {
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const start = i;
    const prev = text.charCodeAt(i - 1);
    const signed =
      text[i] === '-' && isDigit(text.charCodeAt(i + 1)) && !isWord(prev) && prev !== 46 && prev !== 62;
    if (!signed && !isWord(text.charCodeAt(i))) {
      i++;
      continue;
    }
    for (i++; i < text.length && (isWord(text.charCodeAt(i)) || text[i] === '-'); i++);
    const word = text.slice(start, i);
    let replacement: string;
    FRACTION.lastIndex = i;
    const chained = prev === 46 && isDigit(text.charCodeAt(start - 2));
    if (/^-?\d+$/.test(word) && !chained && FRACTION.test(text)) {
      replacement = '<float>';
      i = FRACTION.lastIndex;
    } else replacement = replaceWordDigits(word);
    if (replacement !== word) {
      out += text.slice(copied, start) + replacement;
      copied = i;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * The closing quote for an opening one before `from`: the next same quote on the line that is not
 * escaped, doubled (`''`), or, for an apostrophe, followed by a letter or digit. Minus the line's
 * end when there is none.
 */
function closingQuote(text: string, from: number, quote: string): number {
  for (let k = from; k < text.length; k++) {
    const c = text[k];
    if (c === '\n' || c === '\r') return -k;
    if (c === '\\') k++;
    else if (c === quote && text[k + 1] === quote) k++;
    else if (c === quote && !(quote === "'" && isAlnum(text.charCodeAt(k + 1)))) return k;
  }
  return -text.length;
}

/**
 * Quoted values, `'…'`, `"…"` and `` `…` ``, within a line. An apostrophe after a letter, a digit or
 * a placeholder opens nothing (`can't`, `<hostname>'s`); once an opening quote finds no close, the same quote opens nothing
 * else up to the line's end, which keeps the scan linear.
 */
function replaceQuoted(text: string): string {
  let out = '';
  let copied = 0;
  const deadUntil: Record<string, number> = {};
  for (let i = 0; i < text.length; i++) {
    const quote = text[i]!;
    if (quote !== "'" && quote !== '"' && quote !== '`') continue;
    const prev = text.charCodeAt(i - 1);
    if (i < (deadUntil[quote] ?? 0) || (quote === "'" && (isAlnum(prev) || prev === 62))) continue;
    const close = closingQuote(text, i + 1, quote);
    if (close < 0) {
      deadUntil[quote] = -close;
      continue;
    }
    out += `${text.slice(copied, i)}<quoted>`;
    copied = close + 1;
    i = close;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const PASSES: Array<(text: string) => string> = [
  (t) => t.replace(URL, (url) => `<url>${URL_TAIL.exec(url)?.[0] ?? ''}`),
  replaceEmails,
  (t) => t.replace(UUID, '<uuid>'),
  (t) => t.replace(DATE, '<date>'),
  (t) =>
    t.replace(IPV6, (run) => {
      const dot = run.endsWith('.') ? '.' : '';
      return isIpv6(dot ? run.slice(0, -1) : run) ? `<ip>${dot}` : run;
    }),
  (t) => t.replace(IPV4, (run) => (isIpv4(run) ? '<ip>' : run)),
  (t) =>
    t.replace(HEX, (run) => {
      if (run[1] === 'x' || run[1] === 'X') return '<hex>';
      if (run.length === 32 || run.length === 40 || run.length === 64) return '<hash>';
      return /\d/.test(run) && /[A-Fa-f]/.test(run) ? '<hex>' : run;
    }),
  (t) => t.replace(DURATION, '<duration>'),
  (t) => t.replace(HOSTNAME, (name) => (isHostname(name) ? '<hostname>' : name)),
  replaceNumbers,
  replaceQuoted,
];

/**
 * One round of every replacement over the whole of `text`, without the 8 KB cap.
 * @internal Exported for tests and benchmarks; use `parameterize`.
 */
export function parameterizeUnbounded(text: string): string {
  return PASSES.reduce((result, pass) => pass(result), text);
}

function cut(text: string): string {
  if (text.length <= MAX_LENGTH) return text;
  for (let at = MAX_LENGTH; at > MAX_LENGTH - 256; at--) {
    if (isSpace(text.charCodeAt(at))) return text.slice(0, at);
  }
  const low = text.charCodeAt(MAX_LENGTH);
  return text.slice(0, low >= 0xdc00 && low <= 0xdfff ? MAX_LENGTH - 1 : MAX_LENGTH);
}

/**
 * Replaces the variable parts of an error message with placeholders, so that `User 42 not found`
 * and `User 97 not found` become the same `User <int> not found`:
 *
 * - `<url>` whole URLs with a scheme (`https://…`, `postgres://…`); `<email>`; `<uuid>`;
 * - `<date>` ISO 8601 dates and times, `2024/01/15`, `15.01.2024`, `Jan 15, 2024`, `10:30:00`;
 * - `<ip>` IPv4 and IPv6; `<hash>` hex of 32, 40 or 64 digits; `<hex>` `0x…` and runs of 8 or more
 *   hex digits mixing digits and letters;
 * - `<duration>` `150ms`, `2.5s`, `1h30m`, `30 seconds`;
 * - `<hostname>` dotted names ending in a common top-level label (`com`, `io`, `internal`, `local`, …),
 *   or of three or more labels ending in `dev`, `app`, … or holding a `-`; file names such as
 *   `index.js` and property paths such as `user.profile.name` stay;
 * - `<int>`, `<float>` numbers, negative ones included; digits inside a word become `<int>` too,
 *   except one or two joined to a letter or `_` (`utf8`, `v2`, `email_1`) and error codes written in
 *   uppercase with at most five digits in a row (`E11000`, `P2002`, `ORA-00942`, `42P01`); plain
 *   numbers such as SQLSTATE `23505` or HTTP statuses become `<int>`;
 * - `<quoted>` values in `'…'`, `"…"` or `` `…` `` on one line (SQL literals included).
 *
 * Words, punctuation and codes such as `ECONNREFUSED` or `ER_DUP_ENTRY` stay. Messages longer than
 * 8 KB (8,192 UTF-16 code units) are cut to 8 KB first, and so is a longer result. The replacements
 * are repeated until nothing changes (a few rounds at most), so the result is its own
 * parameterization. Never throws: a non-string gives `''`.
 */
export function parameterize(message: string): string {
  if (typeof message !== 'string') return '';
  try {
    let text = cut(message);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const next = cut(parameterizeUnbounded(text));
      if (next === text) break;
      text = next;
    }
    return text;
  } catch {
    return '';
  }
}
