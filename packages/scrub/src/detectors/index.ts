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
import { ibanDetector, ssnDetector } from './national-ids.js';
import { emailDetector, ipv4Detector, ipv6Detector } from './network.js';
import { homeDirectoryDetector, urlCredentialsDetector } from './urls.js';

/** Every built-in detector name, in the order detectors run. */
export const DETECTOR_NAMES = [
  'private-key',
  'url-credentials',
  'webhook-url',
  'key-value',
  'auth-header',
  'jwt',
  'aws-access-key',
  'vendor-token',
  'card',
  'ssn',
  'iban',
  'email',
  'ipv4',
  'ipv6',
  'home-directory',
] as const;

export type DetectorName = (typeof DETECTOR_NAMES)[number];

/** The built-in detectors in run order: whole structures (keys, URLs) before the pieces inside them. */
export function builtInDetectors(isSensitiveKey: KeyMatcher, replacement: string): Record<DetectorName, Detector> {
  return {
    'private-key': privateKeyDetector,
    'url-credentials': urlCredentialsDetector,
    'webhook-url': webhookUrlDetector,
    'key-value': createKeyValueDetector(isSensitiveKey, replacement),
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

export type { Detector, Redact } from './detector.js';
