import { ErrorTracker } from '@faultline/node';
import * as Sentry from '@sentry/node';
import { DatabaseError } from './errors.js';

/** The part of a `pg` client the shop uses. */
export interface Database {
  query(text: string, values?: readonly unknown[]): Promise<Array<Record<string, unknown>>>;
}

/**
 * A stand-in for a Postgres pool, so the demo needs no database: it traces each query like a
 * driver instrumentation would (`db.query` span with the statement) and fails like Postgres
 * does: inserting an order that exists violates the primary key (SQLSTATE 23505).
 */
export function createDatabase(settings: { url: string; sslRootCert: string }): Database {
  const { hostname, port, pathname } = new URL(settings.url);
  const existingOrders = new Set(['ord_1001']);
  // what many apps do to make database errors easier to debug: the connection string, password and all
  ErrorTracker.setContext('database', { ...settings, pool: 10 });
  return {
    query(text, values = []) {
      const attributes = {
        'db.system.name': 'postgresql',
        'db.namespace': pathname.slice(1),
        'db.query.text': text,
        'server.address': hostname,
        'server.port': Number(port || 5432),
      };
      return Sentry.startSpan({ name: text, op: 'db.query', attributes }, async () => {
        Sentry.addBreadcrumb({ category: 'query', type: 'query', message: text });
        if (/^INSERT INTO orders/i.test(text) && existingOrders.has(String(values[0])))
          throw new DatabaseError(
            'duplicate key value violates unique constraint "orders_pkey"',
            '23505',
            text,
            `Key (id)=(${String(values[0])}) already exists.`,
          );
        return [];
      });
    },
  };
}
