import type { AlertEngine } from '@faultline/alerts';
import express, { type Request } from 'express';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  defaultShouldHandleError,
  errorHandler,
  type RequestCounter,
  type RequestHandlerOptions,
  requestHandler,
} from '../src/index.js';
import { routeTemplate } from '../src/route.js';

describe('routeTemplate', () => {
  it.each([
    ['/api', '/users/:id', '/api/users/:id'],
    ['', '/users/:id', '/users/:id'],
    [undefined, '/', '/'],
    ['/api', '/', '/api'],
    ['/api', ['/a', '/b'], '/api/a,/b'],
    ['', '*', '/*'],
    ['/v1/admin', '/{*splat}', '/v1/admin/{*splat}'],
  ])('%s + %s is %s', (baseUrl, path, expected) => {
    expect(routeTemplate(baseUrl, path)).toBe(expected);
  });
});

describe('defaultShouldHandleError', () => {
  it.each([
    [new Error('no status'), true],
    [Object.assign(new Error('gone'), { status: 410 }), false],
    [Object.assign(new Error('bad gateway'), { statusCode: 502 }), true],
    [Object.assign(new Error('odd'), { status: '503' }), true],
    [Object.assign(new Error('junk'), { status: 'teapot' }), true],
    ['a string', true],
    [undefined, true],
  ])('%s → %s', (error, expected) => {
    expect(defaultShouldHandleError(error)).toBe(expected);
  });
});

describe('types', () => {
  it('takes an AlertEngine of @faultline/alerts and a user function over Express 5 requests', () => {
    expectTypeOf<AlertEngine>().toExtend<RequestCounter>();
    const options: RequestHandlerOptions = { user: (req: Request) => ({ id: String(req.params.id) }) };
    const app = express();
    app.use(requestHandler(options));
    app.use(errorHandler({ shouldHandleError: (error) => error instanceof Error }));
    expect(app).toBeDefined();
  });
});
