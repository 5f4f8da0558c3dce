import { describe, expect, it } from 'vitest';
import { createFingerprinter } from '../src/index.js';
import { eventFor, libraryError } from './helpers.js';

const fingerprinter = createFingerprinter({ services: { 'api.stripe.com': 'stripe' } });
const fingerprintOf = (...args: Parameters<typeof eventFor>) =>
  fingerprinter.fingerprint(...eventFor(...args));

describe('database errors, by system, query type and code', () => {
  it.each([
    [
      'pg',
      libraryError('DatabaseError', 'duplicate key value violates unique constraint "users_email_key"', {
        code: '23505',
        severity: 'ERROR',
        query: 'INSERT INTO users (email) VALUES ($1)',
      }),
      ['database', 'postgres', 'INSERT', '23505'],
    ],
    [
      'mysql2',
      libraryError('Error', "Duplicate entry 'jane@example.com' for key 'users.email'", {
        code: 'ER_DUP_ENTRY',
        errno: 1062,
        sqlState: '23000',
        sql: "INSERT INTO users VALUES ('jane@example.com')",
      }),
      ['database', 'mysql', 'INSERT', 'ER_DUP_ENTRY'],
    ],
    [
      'better-sqlite3',
      libraryError('SqliteError', 'UNIQUE constraint failed: users.email', {
        code: 'SQLITE_CONSTRAINT_UNIQUE',
      }),
      ['database', 'sqlite', 'query', 'SQLITE_CONSTRAINT_UNIQUE'],
    ],
    [
      'Prisma',
      libraryError('PrismaClientKnownRequestError', 'Unique constraint failed on the fields: (`email`)', {
        code: 'P2002',
        meta: { target: ['email'] },
      }),
      ['database', 'prisma', 'query', 'P2002'],
    ],
    [
      'TypeORM',
      libraryError('QueryFailedError', 'deadlock detected', {
        query: 'UPDATE "orders" SET "status" = $1 WHERE "id" = $2',
        driverError: { code: '40P01' },
      }),
      ['database', 'typeorm', 'UPDATE', 'QueryFailedError'],
    ],
    [
      'Sequelize',
      libraryError('SequelizeDatabaseError', 'relation "carts" does not exist', {
        sql: 'SELECT * FROM "carts" WHERE "id" = 7',
      }),
      ['database', 'sequelize', 'SELECT', 'SequelizeDatabaseError'],
    ],
    [
      'Knex',
      libraryError(
        'error',
        'delete from "sessions" where "expires" < $1 - canceling statement due to statement timeout',
        { code: '57014', severity: 'ERROR' },
      ),
      ['database', 'postgres', 'DELETE', '57014'],
    ],
    [
      'Drizzle',
      libraryError('DrizzleQueryError', 'Failed query: select "id" from "users" where "id" = $1', {
        query: 'select "id" from "users" where "id" = $1',
      }),
      ['database', 'drizzle', 'SELECT', 'DrizzleQueryError'],
    ],
    [
      'MongoDB',
      libraryError(
        'MongoServerError',
        'E11000 duplicate key error collection: shop.users index: email_1 dup key: { email: "a@b.c" }',
        { code: 11000, codeName: 'DuplicateKey', command: { insert: 'users' } },
      ),
      ['database', 'mongodb', 'insert', '11000'],
    ],
  ])('%s', (_client, error, expected) => {
    expect(fingerprintOf(error)).toEqual(expected);
  });

  it('groups the same failing UPDATE with different ids and values as one', () => {
    const a = libraryError('QueryFailedError', 'deadlock', {
      query: 'UPDATE orders SET total = 10 WHERE id = 1',
    });
    const b = libraryError('QueryFailedError', 'deadlock', {
      query: 'UPDATE orders SET total = 99 WHERE id = 77',
    });
    expect(fingerprintOf(a)).toEqual(fingerprintOf(b));
  });

  it('finds the statement in the last query breadcrumb when the error has none', () => {
    const error = libraryError('DatabaseError', 'canceling statement due to lock timeout', {
      code: '55P03',
      severity: 'ERROR',
    });
    const event = {
      breadcrumbs: [
        { category: 'query', message: 'SELECT 1' },
        { category: 'query', message: 'DELETE FROM carts WHERE id = 9' },
      ],
    };
    expect(fingerprintOf(error, { event })).toEqual(['database', 'postgres', 'DELETE', '55P03']);
  });
});

describe('auth errors, by the function that raised them', () => {
  it.each([
    ['UnauthorizedError', {}],
    ['JsonWebTokenError', {}],
    ['TokenExpiredError', {}],
    ['ForbiddenError', {}],
  ])('%s', (name, fields) => {
    expect(
      fingerprintOf(libraryError(name, 'jwt expired for user 42', fields), { functionName: 'requireUser' }),
    ).toEqual(['auth', name, 'requireUser']);
  });

  it('a 401 or 403 from any error class', () => {
    expect(
      fingerprintOf(libraryError('HttpError', 'nope', { status: 403 }), { functionName: 'loadInvoice' }),
    ).toEqual(['auth', '403', 'loadInvoice']);
  });
});

describe('external-service errors, by service, never by URL', () => {
  it('axios ECONNREFUSED to the same host from different paths is one group', () => {
    const a = libraryError('AxiosError', 'connect ECONNREFUSED 10.0.0.7:443', {
      code: 'ECONNREFUSED',
      config: { url: 'https://api.stripe.com/v1/charges/ch_1' },
    });
    const b = libraryError('AxiosError', 'connect ECONNREFUSED 10.0.0.7:443', {
      code: 'ECONNREFUSED',
      config: { url: '/v1/customers/cus_9', baseURL: 'https://api.stripe.com' },
    });
    expect(fingerprintOf(a)).toEqual(['external-service', 'stripe', 'ECONNREFUSED']);
    expect(fingerprintOf(b)).toEqual(fingerprintOf(a));
  });

  it('undici fetch failed, the real code in the cause', () => {
    const error = libraryError('TypeError', 'fetch failed', {
      cause: { code: 'UND_ERR_CONNECT_TIMEOUT', host: 'search.internal', port: 9200 },
    });
    expect(fingerprintOf(error)).toEqual([
      'external-service',
      'search.internal:9200',
      'UND_ERR_CONNECT_TIMEOUT',
    ]);
  });

  it('node http ETIMEDOUT with the socket address', () => {
    const error = libraryError('Error', 'connect ETIMEDOUT 10.1.2.3:5432', {
      code: 'ETIMEDOUT',
      address: '10.1.2.3',
      port: 5432,
    });
    expect(fingerprintOf(error)).toEqual(['external-service', '<ip>:5432', 'ETIMEDOUT']);
  });

  it('an upstream 5xx from got, grouped by status class', () => {
    const error = libraryError('HTTPError', 'Response code 503 (Service Unavailable)', {
      response: { statusCode: 503 },
      options: { url: new URL('https://geo.example.com/lookup?ip=1.2.3.4') },
    });
    expect(fingerprintOf(error)).toEqual(['external-service', 'geo.example.com', '5xx']);
  });
});

describe('rate-limit errors, by the route template', () => {
  it('uses the route-named transaction', () => {
    const error = libraryError('TooManyRequestsError', 'slow down', { status: 429 });
    expect(fingerprintOf(error, { event: { transaction: 'POST /api/login' } })).toEqual([
      'rate-limit',
      'POST /api/login',
    ]);
  });

  it('falls back to the request path with ids replaced', () => {
    const error = libraryError('HttpError', 'Too Many Requests', { status: 429 });
    const event = {
      request: {
        method: 'get',
        url: 'https://shop.example.com/api/users/4821/orders/9f8e7d6c5b4a3f2e1d0c?page=2',
      },
    };
    expect(fingerprintOf(error, { event })).toEqual(['rate-limit', 'GET /api/users/:id/orders/:id']);
  });
});

describe('validation errors, by function', () => {
  it.each(['ZodError', 'ValidationError'])('%s', (name) => {
    expect(fingerprintOf(libraryError(name, 'email: Invalid email'), { functionName: 'createUser' })).toEqual(
      ['validation', name, 'createUser'],
    );
  });

  it('a 422 from any error class', () => {
    expect(
      fingerprintOf(libraryError('HttpError', 'bad', { statusCode: 422 }), { functionName: 'updateCart' }),
    ).toEqual(['validation', '422', 'updateCart']);
  });
});

it('keeps Sentry default grouping for an ordinary error', () => {
  expect(fingerprintOf(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeUndefined();
});
