import { always, type Detector, Family } from './detector.js';

/** An HTTP auth scheme followed by its credential. */
const AUTH_SCHEME = /\b(Bearer|Basic|Token|Negotiate)([ \t]{1,8})([A-Za-z0-9._~+/=-]{8,8192})/gi;

function looksLikeBasicCredential(credential: string): boolean {
  try {
    return atob(credential).includes(':');
  } catch {
    return false;
  }
}

function looksLikeCredential(scheme: string, credential: string): boolean {
  if (scheme.toLowerCase() === 'basic') return looksLikeBasicCredential(credential);
  return credential.length >= 16 || /\d/.test(credential);
}

export const authSchemeDetector: Detector = {
  name: 'auth-header',
  description: '`Bearer`, `Basic` (base64 of user:password), `Token` and `Negotiate` credentials',
  family: Family.authScheme,
  gate: always,
  scrub(text, redact) {
    AUTH_SCHEME.lastIndex = 0;
    return text.replace(AUTH_SCHEME, (match, scheme: string, space: string, credential: string) =>
      looksLikeCredential(scheme, credential) ? `${scheme}${space}${redact('auth-header')}` : match,
    );
  },
};

/** Three base64url segments, the first a JSON header (`eyJ` is `{"`). */
const JWT = /(?<![\w-])eyJ[\w-]{5,4096}\.[\w-]{2,16384}\.[\w-]{0,4096}(?![\w-])/g;

export const jwtDetector: Detector = {
  name: 'jwt',
  description: 'JSON Web Tokens (with or without a `Bearer` prefix)',
  family: Family.token,
  gate: (text) => text.includes('eyJ'),
  scrub(text, redact) {
    JWT.lastIndex = 0;
    return text.replace(JWT, () => redact('jwt'));
  },
};

const PEM_BEGIN = '-----BEGIN ';
const PEM_HEADER = /^-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----/;

/**
 * PEM private keys, from the BEGIN line to the matching END line (or to the end of the text when
 * the key was cut off). A plain scan rather than a lazy regex, so many BEGINs cannot make it quadratic.
 */
export const privateKeyDetector: Detector = {
  name: 'private-key',
  description: 'PEM private keys (RSA, EC, OpenSSH, PGP, encrypted), also when cut off or JSON-escaped',
  family: Family.token,
  gate: (text) => text.includes(PEM_BEGIN),
  scrub(text, redact) {
    let result = '';
    let cursor = 0;
    for (let begin = text.indexOf(PEM_BEGIN); begin !== -1; begin = text.indexOf(PEM_BEGIN, cursor)) {
      const header = PEM_HEADER.exec(text.slice(begin, begin + 80));
      if (!header) {
        result += text.slice(cursor, begin + PEM_BEGIN.length);
        cursor = begin + PEM_BEGIN.length;
        continue;
      }
      const endMarker = text.indexOf('-----END ', begin + header[0].length);
      const endLine = endMarker === -1 ? -1 : text.indexOf('-----', endMarker + 9);
      result += text.slice(cursor, begin) + redact('private-key');
      cursor = endLine === -1 ? text.length : endLine + 5;
    }
    return result + text.slice(cursor);
  },
};

/** AWS access key ids: long-term (`AKIA`) and temporary (`ASIA`). */
const AWS_ACCESS_KEY = /(?<![A-Za-z0-9])A[KS]IA[A-Z0-9]{16}(?![A-Za-z0-9])/g;

export const awsAccessKeyDetector: Detector = {
  name: 'aws-access-key',
  description: 'AWS access key ids (`AKIA…`, `ASIA…`); secret keys are caught by their key names',
  family: Family.token,
  gate: (text) => text.includes('AKIA') || text.includes('ASIA'),
  scrub(text, redact) {
    AWS_ACCESS_KEY.lastIndex = 0;
    return text.replace(AWS_ACCESS_KEY, () => redact('aws-access-key'));
  },
};

/** Vendor tokens recognisable by their documented prefix. */
const VENDOR_TOKEN = new RegExp(
  `(?<![\\w-])(?:${[
    '(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{10,247}', // Stripe secret and restricted keys
    'whsec_[0-9A-Za-z]{20,128}', // Stripe webhook signing secrets
    'gh[pousr]_[A-Za-z0-9]{36,251}', // GitHub tokens
    'github_pat_[A-Za-z0-9_]{22,251}', // GitHub fine-grained tokens
    'xox[abposer]-[A-Za-z0-9-]{10,250}', // Slack tokens
    'xapp-\\d-[A-Za-z0-9-]{10,250}', // Slack app tokens
    'AIza[0-9A-Za-z_-]{35}', // Google API keys
    'ya29\\.[0-9A-Za-z_-]{20,2048}', // Google OAuth access tokens
    'glpat-[0-9A-Za-z_-]{20,128}', // GitLab personal access tokens
    'npm_[A-Za-z0-9]{36}', // npm tokens
    'sk-(?:proj-|ant-[a-z0-9]{2,10}-|svcacct-)?[A-Za-z0-9_-]{20,256}', // OpenAI and Anthropic keys
    'SG\\.[\\w-]{22}\\.[\\w-]{43}', // SendGrid keys
    'sntr[ysu]_[A-Za-z0-9+/=_-]{20,512}', // Sentry auth tokens
    'shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}', // Shopify tokens
    'do[opr]_v1_[a-f0-9]{64}', // DigitalOcean tokens
    'hf_[A-Za-z0-9]{30,64}', // Hugging Face tokens
    'key-[0-9a-zA-Z]{32}', // Mailgun keys
    'pypi-[A-Za-z0-9_-]{50,256}', // PyPI tokens
  ].join('|')})(?![\\w-])`,
  'g',
);

export const vendorTokenDetector: Detector = {
  name: 'vendor-token',
  description:
    'prefixed vendor tokens: Stripe, GitHub, Slack, Google, GitLab, npm, OpenAI, Anthropic, SendGrid, Sentry, Shopify, DigitalOcean, Hugging Face, Mailgun, PyPI',
  family: Family.token,
  gate: (text) =>
    text.length >= 20 &&
    (text.includes('_') ||
      text.includes('-') ||
      text.includes('AIza') ||
      text.includes('SG.') ||
      text.includes('ya29.')),
  scrub(text, redact) {
    VENDOR_TOKEN.lastIndex = 0;
    return text.replace(VENDOR_TOKEN, () => redact('vendor-token'));
  },
};

/** Incoming-webhook URLs whose path is the secret: Slack, Discord, Microsoft Teams. */
const WEBHOOK_URL =
  /(hooks\.slack\.com\/(?:services|workflows|triggers)\/|discord(?:app)?\.com\/api\/webhooks\/|\.webhook\.office\.com\/webhookb2\/)[\w/@.-]{4,1024}/gi;

export const webhookUrlDetector: Detector = {
  name: 'webhook-url',
  description:
    'Slack, Discord and Microsoft Teams incoming-webhook URLs (the host is kept, the path filtered)',
  family: Family.separator,
  gate: (text) => text.includes('hook'),
  scrub(text, redact) {
    WEBHOOK_URL.lastIndex = 0;
    return text.replace(WEBHOOK_URL, (_match, prefix: string) => `${prefix}${redact('webhook-url')}`);
  },
};
