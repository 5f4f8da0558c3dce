import { ErrorTracker } from '@faultline/node';
import type { RequestHandler, Router } from 'express';
import type { Database } from '../shop/database.js';
import { UnauthorizedError, ValidationError } from '../shop/errors.js';
import { createRateLimiter } from '../shop/rate-limiter.js';
import { asyncRoute } from './async-route.js';

/** What the account routes need. */
export interface AccountServices {
  database: Database;
  /** The token `GET /api/admin/reports` accepts. */
  adminToken: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Rejects a signup form that breaks the rules, naming each broken field (never its value). */
export function validateSignup(body: Record<string, unknown>): void {
  const fields: Record<string, string> = {};
  if (typeof body.email !== 'string' || !EMAIL.test(body.email)) fields.email = 'must be an email address';
  if (typeof body.password !== 'string' || body.password.length < 12)
    fields.password = 'must have at least 12 characters';
  if (body.terms !== 'accepted') fields.terms = 'must be accepted';
  if (Object.keys(fields).length > 0)
    throw new ValidationError(`Signup rejected: ${Object.keys(fields).join(', ')} invalid`, fields);
}

/** Lets a request through only with the admin bearer token. */
function requireAdmin(adminToken: string): RequestHandler {
  return function checkAdminToken(request, _response, next) {
    const token = request.headers.authorization?.replace(/^Bearer\s+/i, '');
    if (token !== adminToken) throw new UnauthorizedError('Admin token missing or invalid');
    next();
  };
}

/** `POST /api/login` (a form), `POST /api/signup` (JSON), `GET /api/admin/reports`. */
export function addAccountRoutes(router: Router, services: AccountServices): void {
  const { database } = services;
  const loginLimiter = createRateLimiter(2, 60_000);

  router.post(
    '/login',
    asyncRoute(async (request, response) => {
      const { username = '', password = '' } = request.body as Record<string, string>;
      // the kind of trail a legacy login leaves: a breadcrumb and a query with the password in them
      ErrorTracker.addBreadcrumb({ category: 'auth', message: `login attempt password=${password}` });
      loginLimiter.check(request.ip ?? 'unknown');
      const rows = await database.query(
        `SELECT id FROM users WHERE username = $1 AND password = '${password}'`,
        [username],
      );
      response.status(rows.length > 0 ? 200 : 401).json({ ok: rows.length > 0 });
    }),
  );

  router.post('/signup', (request, response) => {
    validateSignup(request.body as Record<string, unknown>);
    response.status(201).json({ ok: true });
  });

  router.get('/admin/reports', requireAdmin(services.adminToken), (_request, response) => {
    response.json({ reports: [] });
  });
}
