import type { Breadcrumb, Event, Log, SpanJSON, StreamedSpanJSON } from '@sentry/core';
import { describe, expect, it } from 'vitest';
import { createScrubber } from '../src/index.js';

const F = '[Filtered]';
type Json = Record<string, unknown>;

describe('breadcrumbs', () => {
  const scrubber = createScrubber();

  it('scrubs message and data, keeping the rest', () => {
    const crumb: Breadcrumb = {
      timestamp: 1796036581.953,
      category: 'http',
      level: 'info',
      message: 'POST https://api.example.com/login?password=hunter2 for jane.doe@example.com',
      data: {
        url: 'https://api.example.com/v1/orders/0?access_token=at_0xyz',
        status_code: 401,
        method: 'POST',
      },
    };
    expect(scrubber.scrubBreadcrumb(crumb)).toEqual({
      timestamp: 1796036581.953,
      category: 'http',
      level: 'info',
      message: `POST https://api.example.com/login?password=${F} for ${F}`,
      data: {
        url: `https://api.example.com/v1/orders/0?access_token=${F}`,
        status_code: 401,
        method: 'POST',
      },
    });
  });

  it('scrubs console breadcrumb arguments', () => {
    const crumb = scrubber.scrubBreadcrumb({
      category: 'console',
      data: { arguments: ['login', { password: 'x1' }] },
    });
    expect(crumb!.data).toEqual({ arguments: ['login', { password: F }] });
  });
});

describe('request fields in their other documented shapes', () => {
  const scrubber = createScrubber();

  it('filters a query string given as [key, value] pairs', () => {
    const event = {
      request: {
        query_string: [
          ['api_key', 'ak-8c1f0e2d3b4a'],
          ['page', '2'],
        ],
      },
    } as unknown as Event;
    const result = scrubber.scrubEvent(event)!;
    expect(JSON.stringify(result)).not.toContain('ak-8c1f0e2d3b4a');
    expect(JSON.stringify(result.request!.query_string)).toContain('page');
  });

  it('filters a query string given as an object', () => {
    const event: Event = { request: { query_string: { api_key: 'ak-8c1f0e2d3b4a', page: '2' } } };
    expect(scrubber.scrubEvent(event)!.request!.query_string).toEqual({ api_key: F, page: '2' });
  });
});

describe('logs', () => {
  const scrubber = createScrubber();

  it('scrubs message and attributes', () => {
    const log = {
      level: 'info',
      message: 'login for jane.doe@example.com from 203.0.113.7',
      attributes: {
        'user.email': 'jane.doe@example.com',
        api_key: 'ak-8c1f0e2d3b4a',
        count: 3,
        'http.route': '/api/x',
      },
    } as Log;
    expect(scrubber.scrubLog(log)).toEqual({
      level: 'info',
      message: `login for ${F} from ${F}`,
      attributes: { 'user.email': F, api_key: F, count: 3, 'http.route': '/api/x' },
    });
  });

  it('replaces a String message whose text holds a secret, template values included', () => {
    const message = Object.assign(new String('charged 4111 1111 1111 1111 for param.user@example.net'), {
      __sentry_template_string__: 'charged %s for %s',
      __sentry_template_values__: ['4111 1111 1111 1111', 'param.user@example.net'],
    });
    const result = scrubber.scrubLog({ level: 'info', message } as unknown as Log)!;
    expect(String(result.message)).toBe(`charged ${F} for ${F}`);
    expect(JSON.stringify(result)).not.toMatch(/4111|param\.user/);
    expect(JSON.stringify((result.message as unknown as Json).__sentry_template_values__ ?? [])).not.toMatch(
      /4111|param/,
    );
  });

  it('keeps a String message without a secret as it is, template included', () => {
    const message = Object.assign(new String('order 42 shipped'), {
      __sentry_template_string__: 'order %s shipped',
      __sentry_template_values__: [42],
    });
    const result = scrubber.scrubLog({ level: 'info', message } as unknown as Log)!;
    expect(result.message).toBe(message);
    expect((result.message as unknown as Json).__sentry_template_string__).toBe('order %s shipped');
  });
});

describe('span data and attributes', () => {
  const scrubber = createScrubber();

  it('scrubs the data of a static SpanJSON', () => {
    const span = {
      span_id: 'bef8378955e9e5c8',
      trace_id: 'fa67c51c2fbe4dc5b3588ee58184238d',
      description: 'GET https://api.example.com/x?token=abc123',
      op: 'http.client',
      start_timestamp: 1,
      timestamp: 2,
      data: {
        'http.query': 'token=abc123',
        'db.statement': 'SELECT 1',
        'user.email': 'jane@example.com',
        authorization: 'x',
      },
    } as unknown as SpanJSON;
    expect(scrubber.scrubSpan(span)).toEqual({
      ...span,
      description: `GET https://api.example.com/x?token=${F}`,
      data: { 'http.query': `token=${F}`, 'db.statement': 'SELECT 1', 'user.email': F, authorization: F },
    });
  });

  it('filters serialized { type, value } attributes under a sensitive key, and types the result a string', () => {
    const span = {
      span_id: 'bef8378955e9e5c8',
      trace_id: 'fa67c51c2fbe4dc5b3588ee58184238d',
      name: 'GET /x',
      start_timestamp: 1,
      end_timestamp: 2,
      is_segment: false,
      status: 'ok',
      attributes: {
        'http.request.header.authorization': { type: 'string', value: 'Bearer abc123def' },
        'db.password': { type: 'integer', value: 123456 },
        'http.response.status_code': { type: 'integer', value: 200 },
        'card.on_file': { type: 'integer', value: 4111111111111111 },
        'http.route': { type: 'string', value: '/x' },
      },
    } as unknown as StreamedSpanJSON;
    expect(scrubber.scrubSpan(span).attributes).toEqual({
      'http.request.header.authorization': { type: 'string', value: F },
      'db.password': { type: 'string', value: F },
      'http.response.status_code': { type: 'integer', value: 200 },
      'card.on_file': { type: 'string', value: F },
      'http.route': { type: 'string', value: '/x' },
    });
  });
});
