/** What replaces a credential in an error message. */
export const REDACTED = '[redacted]';

/** The user info of any `scheme://user:password@host` in text (greedy up to the last `@` of the authority). */
const URL_USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*(?:@[^\s/?#@]*)*@/gi;

/**
 * Every form in which the SMTP credentials of `smtpUrl` could show up in an error: the password as
 * written and decoded, and the base64 of AUTH PLAIN and AUTH LOGIN. Longest first.
 */
export function credentialForms(url: URL): string[] {
  const forms = new Set<string>();
  const decode = (text: string): string => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  const user = decode(url.username);
  const pass = decode(url.password);
  if (pass !== '') {
    const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
    for (const form of [
      url.password,
      pass,
      encodeURIComponent(pass),
      base64(pass),
      base64(`\u0000${user}\u0000${pass}`),
      base64(`${user}\u0000${user}\u0000${pass}`),
      `${user}:${pass}`,
    ]) {
      forms.add(form);
    }
  }
  return [...forms].filter((form) => form !== '').sort((a, b) => b.length - a.length);
}

/** Removes credentials from text: user info of URLs, and each of `secrets` wherever it appears. */
export function sanitizeText(text: string, secrets: readonly string[]): string {
  let clean = text.replace(URL_USER_INFO, `$1${REDACTED}@`);
  for (const secret of secrets) clean = clean.split(secret).join(REDACTED);
  return clean;
}

/** Cuts text to `max` characters, ending with `…` when cut. Line breaks become spaces. */
export function cut(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
