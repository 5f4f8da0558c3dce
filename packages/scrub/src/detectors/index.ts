import type { KeyMatcher } from '../keys.js';
import { cardDetector } from './cards.js';
import {
  authSchemeDetector,
  awsAccessKeyDetector,
  jwtDetector,
  privateKeyDetector,
  vendorTokenDetector,
  webhookUrlDetector,
} from './credentials.js';
import type { Detector } from './detector.js';
import { createKeyValueDetector } from './key-value.js';
import { createMarkupDetector } from './markup.js';
import { ibanDetector, ssnDetector } from './national-ids.js';
import { emailDetector, ipv4Detector, ipv6Detector } from './network.js';
import { homeDirectoryDetector, urlCredentialsDetector } from './urls.js';

/** Every built-in detector name. Within a family (see `Family`) they run in this order. */
export const DETECTOR_NAMES = [
  'private-key',
  'auth-header',
  'jwt',
  'aws-access-key',
  'vendor-token',
  'url-credentials',
  'email',
  'webhook-url',
  'key-value',
  'markup',
  'ipv6',
  'card',
  'ssn',
  'iban',
  'ipv4',
  'home-directory',
] as const;

export type DetectorName = (typeof DETECTOR_NAMES)[number];

/** The built-in detectors by name. */
export function builtInDetectors(
  keySensitivity: KeyMatcher,
  replacement: string,
): Record<DetectorName, Detector> {
  return {
    'private-key': privateKeyDetector,
    'url-credentials': urlCredentialsDetector,
    'webhook-url': webhookUrlDetector,
    'key-value': createKeyValueDetector(keySensitivity, replacement),
    markup: createMarkupDetector(keySensitivity),
    'auth-header': authSchemeDetector,
    jwt: jwtDetector,
    'aws-access-key': awsAccessKeyDetector,
    'vendor-token': vendorTokenDetector,
    card: cardDetector,
    ssn: ssnDetector,
    iban: ibanDetector,
    email: emailDetector,
    ipv4: ipv4Detector,
    ipv6: ipv6Detector,
    'home-directory': homeDirectoryDetector,
  };
}

export { type Detector, Family, type Redact } from './detector.js';

/** Why each rule filters, for reports such as the CLI's summary. */
export const RULE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    Object.values(builtInDetectors(() => 'none', '')).map(({ name, description }) => [name, description]),
  ),
  key: 'the value sits under a sensitive key name (password, token, api_key, cookie, cvv, …)',
  'user.email': "the user's email is always removed",
  'user.ip_address': "the user's IP address is always removed",
  depth: 'nested deeper than maxDepth, so it was not inspected',
  unreadable: 'reading it threw (a getter or a Proxy), so it was not inspected',
  binary: 'binary data (Buffer, typed array) cannot be inspected',
};
