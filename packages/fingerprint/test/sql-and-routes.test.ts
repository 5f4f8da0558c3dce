import { describe, expect, it } from 'vitest';
import { endpointOf, routeOf } from '../src/route.js';
import { mongoOperation, sqlOperation } from '../src/sql.js';

describe('sqlOperation', () => {
  it.each([
    ['SELECT * FROM users WHERE id = 1', 'SELECT'],
    ['  insert into "orders" (id) values ($1)', 'INSERT'],
    [
      'WITH recent AS (SELECT id FROM orders) UPDATE orders SET x = 1 WHERE id IN (SELECT id FROM recent)',
      'UPDATE',
    ],
    ['(SELECT 1) UNION (SELECT 2)', undefined],
    ['duplicate key value violates unique constraint', undefined],
    ['', undefined],
  ])('%s → %s', (statement, operation) => {
    expect(sqlOperation(statement)).toBe(operation);
  });

  it('reads at most 4 KB of a huge statement', () => {
    expect(sqlOperation(`DELETE FROM t WHERE id IN (${'1,'.repeat(500_000)}1)`)).toBe('DELETE');
  });
});

describe('mongoOperation', () => {
  it('finds the command name', () => {
    expect(mongoOperation('insert')).toBe('insert');
    expect(mongoOperation('E11000 duplicate key error collection: shop.users')).toBeUndefined();
  });
});

describe('routes', () => {
  it.each([
    ['/api/users/42/orders?page=2', '/api/users/:id/orders'],
    ['/api/orders/550e8400-e29b-41d4-a716-446655440000', '/api/orders/:id'],
    ['/api/objects/507f1f77bcf86cd799439011', '/api/objects/:id'],
    ['/api/users/jane@example.com', '/api/users/:id'],
    ['/api/login', '/api/login'],
  ])('%s → %s', (path, route) => {
    expect(routeOf(path)).toBe(route);
  });

  it('prefers a route-named transaction, else the request URL', () => {
    expect(endpointOf('POST /api/users/:id', 'get', 'https://x.test/api/users/9')).toBe(
      'POST /api/users/:id',
    );
    expect(endpointOf(undefined, 'get', 'https://x.test/api/users/9?x=1')).toBe('GET /api/users/:id');
  });
});
