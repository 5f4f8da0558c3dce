/**
 * What the scrub benchmark runs on: the fixture events (their own planted secrets, listed from
 * fixtures/README.md) and the generated 1 MB event (testkit's planted secrets), each with the
 * fast-redact paths a careful user would write for it: every keyed place that holds a secret.
 * fast-redact only redacts those paths; free text (messages, URLs, JSON strings) stays as it is.
 */
import { readFileSync } from 'node:fs';
import { plantedSecrets, type SecretDefinition } from '@faultline/testkit';
import { generatedEvent } from './large-event.js';

export interface ScrubInput {
  name: string;
  /** An event, or for express-spans.json an array of streamed spans (scrubbed with scrubSpan). */
  value: unknown;
  spans: boolean;
  redactPaths: string[];
  secrets: SecretDefinition[];
}

const FIXTURES = new URL('../../../../fixtures/', import.meta.url);
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
const secret = (name: string, value: string, key?: string): SecretDefinition => ({
  name,
  value,
  ...(key === undefined ? {} : { key }),
});

const REQUEST_PATHS = [
  'request.headers.authorization',
  'request.headers.cookie',
  'request.headers["x-api-key"]',
  'request.cookies.*',
  'request.data',
  'request.query_string',
  'user.email',
  'user.ip_address',
];

export function scrubInputs(): ScrubInput[] {
  const generated = generatedEvent(plantedSecrets());
  const keys = [...new Set(generated.keyed.map((planted) => planted.key!))];
  return [
    {
      name: 'express-error.json',
      value: fixture('express-error.json'),
      spans: false,
      redactPaths: [...REQUEST_PATHS, 'breadcrumbs[*].data.token'],
      secrets: [
        secret('card', '4111 1111 1111 1111'),
        secret('cvv', '737', 'cvv'),
        secret('password', 'hunter2'),
        secret('ssn', '078-05-1120'),
        secret('email', 'jane.doe@example.com'),
        secret('breadcrumbToken', 'abc123'),
      ],
    },
    {
      name: 'large-error.json',
      value: fixture('large-error.json'),
      spans: false,
      redactPaths: [...REQUEST_PATHS, 'contexts.db.connection', 'extra.payload'],
      secrets: [
        secret('dbPassword', 's3cr3tDbPass'),
        secret('ssn', '078-05-1120'),
        secret('iban', 'DE89370400440532013000'),
        secret('accessToken', 'at_0xyz'),
        secret('breadcrumbEmail', 'user5@example.org'),
        secret('queryEmail', 'jane.doe@example.com'),
        secret('ipv4', '10.0.5.1'),
      ],
    },
    {
      name: 'express-spans.json',
      value: fixture('express-spans.json'),
      spans: true,
      redactPaths: ['url.full', 'url.query', 'http.request.header.authorization', 'user.ip_address'].map(
        (attribute) => `*.attributes["${attribute}"]`,
      ),
      secrets: [secret('email', 'jane.doe@example.com')],
    },
    {
      name: 'generated ~1 MB event',
      value: generated.event,
      spans: false,
      redactPaths: [...REQUEST_PATHS, ...keys.map((key) => `extra.accounts[*].${key}`)],
      secrets: plantedSecrets(),
    },
  ];
}
