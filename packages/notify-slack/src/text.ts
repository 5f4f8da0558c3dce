/** What ends a text that was cut. */
export const ELLIPSIS = '…';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Escapes the three characters Slack treats as markup in message text: `&`, `<` and `>` (which
 * would otherwise start links and mentions such as `<!channel>`).
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Whitespace runs, newlines included, become one space: for titles, names and tag values. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * `prefix` and `raw` passed through `transform` (by default {@link escapeMrkdwn}), at most `limit`
 * UTF-16 code units long (Slack's counting, never more than characters). When it does not fit,
 * `raw` is cut between two grapheme clusters — never inside an emoji, a surrogate pair or an
 * escape such as `&amp;` — and `…` is appended. `transform` must map text character by character.
 */
export function fit(
  raw: string,
  limit: number,
  transform: (text: string) => string = escapeMrkdwn,
  prefix = '',
): string {
  const whole = prefix + transform(raw);
  if (whole.length <= limit) return whole;
  const room = limit - ELLIPSIS.length;
  let result = prefix;
  if (result.length > room) return ELLIPSIS.slice(0, Math.max(0, limit));
  for (const { segment } of segmenter.segment(raw)) {
    const next = transform(segment);
    if (result.length + next.length > room) break;
    result += next;
  }
  return `${result.replace(/\s+$/, '')}${ELLIPSIS}`;
}

/** `raw` as a Slack block quote (`> ` before each line), escaped and cut to `limit`. */
export function quote(raw: string, limit: number): string {
  const text = raw.replace(/\s+$/, '');
  return fit(text, limit, (part) => escapeMrkdwn(part).replace(/\r?\n|\r/g, '\n> '), '> ');
}

/** `raw` on one line as inline code, escaped and cut to `limit`; plain when it holds a backtick. */
export function code(raw: string, limit: number): string {
  const text = oneLine(raw);
  if (text.includes('`')) return fit(text, limit);
  return `\`${fit(text, limit - 2)}\``;
}

/** `raw` on one line, escaped and cut to `limit`. */
export function line(raw: string, limit: number): string {
  return fit(oneLine(raw), limit);
}

/**
 * Already-escaped text cut to `limit` if it must be, without splitting an escape such as `&amp;`
 * or a grapheme cluster. A safety net for texts that are built within the limits.
 */
export function clipEscaped(escaped: string, limit: number): string {
  if (escaped.length <= limit) return escaped;
  let result = '';
  for (const { segment } of segmenter.segment(escaped)) {
    if (result.length + segment.length > limit - ELLIPSIS.length) break;
    result += segment;
  }
  return `${result.replace(/&[a-z]*$/, '')}${ELLIPSIS}`;
}
