import { always, type Detector, Family } from './detector.js';

/**
 * `scheme://userinfo@` with `+srv`-style schemes. The userinfo runs to the last `@` before the
 * path, so an unescaped `@` in a password is still covered.
 */
const URL_USERINFO = /\b([a-zA-Z][a-zA-Z0-9+.-]{0,30}:\/\/)([^\s/?#"'<>`]{0,512})@/g;

/** A plain lowercase user name such as `git` or `app`, kept when a URL carries no password. */
const PLAIN_USER = /^[a-z][a-z0-9._-]{0,31}$/;

export const urlCredentialsDetector: Detector = {
  name: 'url-credentials',
  description:
    'passwords in URLs and connection strings (`postgres://user:…@host`, `redis://:…@host`, `mongodb+srv://…`), and token-like user names',
  family: Family.at,
  gate: (text) => text.includes('://'),
  scrub(text, redact) {
    URL_USERINFO.lastIndex = 0;
    return text.replace(URL_USERINFO, (match, scheme: string, userinfo: string) => {
      const colon = userinfo.indexOf(':');
      if (colon === -1) return PLAIN_USER.test(userinfo) ? match : `${scheme}${redact('url-credentials')}@`;
      return `${scheme}${userinfo.slice(0, colon + 1)}${redact('url-credentials')}@`;
    });
  },
};

/** Home directories that name a person; service accounts such as `node` or `runner` stay. */
const HOME_PATH =
  /((?<![\w.-])\/(?:home|Users)\/|[A-Za-z]:\\{1,2}(?:Users|Documents and Settings)\\{1,2})([^/\\\s"'<>:*?|]{1,64})(?=[/\\\s"'`:,;)]|$)/g;
const SERVICE_ACCOUNTS = new Set([
  'node',
  'root',
  'app',
  'runner',
  'ubuntu',
  'circleci',
  'shared',
  'public',
  'default',
]);

export const homeDirectoryDetector: Detector = {
  name: 'home-directory',
  description: 'user names in home-directory paths (`/home/jane/…`, `/Users/jane/…`, `C:\\Users\\jane\\…`)',
  family: Family.path,
  gate: always,
  scrub(text, redact) {
    HOME_PATH.lastIndex = 0;
    return text.replace(HOME_PATH, (match, prefix: string, user: string) =>
      SERVICE_ACCOUNTS.has(user.toLowerCase()) ? match : `${prefix}${redact('home-directory')}`,
    );
  },
};
