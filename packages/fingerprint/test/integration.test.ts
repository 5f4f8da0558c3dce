import {
  Client,
  type ClientOptions,
  captureException,
  createStackParser,
  createTransport,
  type Event,
  type EventHint,
  eventFromMessage,
  eventFromUnknownInput,
  flush,
  initAndBind,
  type SeverityLevel,
} from '@sentry/core';
import { describe, expect, it } from 'vitest';
import { fingerprintIntegration } from '../src/index.js';
import { libraryError } from './helpers.js';

const stackParser = createStackParser();

/** The smallest real client: @sentry/core's own event builders and pipeline, no platform integrations. */
class TestClient extends Client<ClientOptions> {
  // Client's constructor is protected; initAndBind needs a public one
  public constructor(options: ClientOptions) {
    super(options);
  }

  eventFromException(exception: unknown, hint?: EventHint): PromiseLike<Event> {
    return Promise.resolve(eventFromUnknownInput(this, stackParser, exception, hint));
  }
  eventFromMessage(message: string, level?: SeverityLevel, hint?: EventHint): PromiseLike<Event> {
    return Promise.resolve(eventFromMessage(stackParser, message, level, hint));
  }
}

/** Starts a client whose transport keeps, as text, the envelopes it would send. */
function clientWith(integration: ReturnType<typeof fingerprintIntegration>): string[] {
  const sent: string[] = [];
  initAndBind(TestClient, {
    dsn: 'http://public@127.0.0.1:9/1',
    integrations: [integration],
    stackParser,
    transport: (options) =>
      createTransport(options, async (request) => {
        sent.push(typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body));
        return { statusCode: 200 };
      }),
  });
  return sent;
}

describe('fingerprintIntegration', () => {
  it('sets the fingerprint of captured errors from the original error', async () => {
    const sent = clientWith(fingerprintIntegration({ services: { 'api.stripe.com': 'stripe' } }));
    captureException(
      libraryError('AxiosError', 'connect ECONNREFUSED', {
        code: 'ECONNREFUSED',
        config: { url: 'https://api.stripe.com/v1/charges' },
      }),
    );
    await flush(2000);
    const body = String(sent[0]);
    expect(body).toContain('"fingerprint":["external-service","stripe","ECONNREFUSED"]');
  });

  it('keeps a fingerprint the caller set on purpose', async () => {
    const sent = clientWith(fingerprintIntegration());
    captureException(libraryError('ZodError', 'bad'), { fingerprint: ['my-own'] });
    await flush(2000);
    expect(String(sent[0])).toContain('"fingerprint":["my-own"]');
  });
});
