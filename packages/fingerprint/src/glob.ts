/**
 * Sentry-style globs over a whole value: `*` any run of characters, `?` one character, `[abc]` and
 * `[!abc]` classes, `\` escapes the next character. Matching is the classic wildcard walk that
 * backtracks only to the last `*`: O(value × pattern) at worst, with no regular expression.
 */

type Token =
  | { kind: 'star' }
  | { kind: 'any' }
  | { kind: 'char'; char: string }
  | { kind: 'class'; chars: string; negated: boolean };

/** A compiled glob. */
export interface Glob {
  readonly source: string;
  matches(value: string): boolean;
}

/** Thrown for a glob that cannot be compiled; `position` is 0-based in the pattern. */
export class GlobSyntaxError extends Error {
  override readonly name = 'GlobSyntaxError';
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

function tokenize(pattern: string, caseSensitive: boolean): Token[] {
  const fold = (text: string) => (caseSensitive ? text : text.toLowerCase());
  const tokens: Token[] = [];
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (char === '?') tokens.push({ kind: 'any' });
    else if (char === '\\') {
      if (index + 1 >= pattern.length)
        throw new GlobSyntaxError('a trailing `\\` escapes nothing; write `\\\\`', index);
      tokens.push({ kind: 'char', char: fold(pattern[++index]!) });
    } else if (char === '[') {
      const close = pattern.indexOf(']', index + 2);
      if (close === -1)
        throw new GlobSyntaxError(
          '`[` opens a class that is never closed with `]`; escape it as `\\[`',
          index,
        );
      const negated = pattern[index + 1] === '!';
      tokens.push({ kind: 'class', chars: fold(pattern.slice(index + (negated ? 2 : 1), close)), negated });
      index = close;
    } else tokens.push({ kind: 'char', char: fold(char) });
  }
  return tokens;
}

function matchesToken(token: Token, char: string): boolean {
  if (token.kind === 'any') return true;
  if (token.kind === 'char') return token.char === char;
  if (token.kind === 'class') return token.chars.includes(char) !== token.negated;
  return false;
}

/** Compiles `pattern`; throws `GlobSyntaxError` for an unclosed class or a trailing escape. */
export function compileGlob(pattern: string, caseSensitive: boolean): Glob {
  const tokens = tokenize(pattern, caseSensitive);
  return {
    source: pattern,
    matches(input) {
      const value = caseSensitive ? input : input.toLowerCase();
      let at = 0;
      let token = 0;
      let starToken = -1;
      let starAt = 0;
      while (at < value.length) {
        const current = tokens[token];
        if (current && current.kind !== 'star' && matchesToken(current, value[at]!)) {
          at++;
          token++;
        } else if (current?.kind === 'star') {
          starToken = token++;
          starAt = at;
        } else if (starToken !== -1) {
          token = starToken + 1;
          at = ++starAt;
        } else return false;
      }
      while (tokens[token]?.kind === 'star') token++;
      return token === tokens.length;
    },
  };
}
