import * as Sentry from '@sentry/node';
import type { Router } from 'express';
import type { Redis } from 'ioredis';
import { asyncRoute } from './async-route.js';

/** `GET /api/products/:id`, read through a Redis cache (`product:<id>`, 60 s). */
export function addProductRoutes(router: Router, redis: Redis): void {
  router.get(
    '/products/:id',
    asyncRoute(async (request, response) => {
      const key = `product:${request.params.id}`;
      const cached = await redis.get(key);
      if (cached !== null) return response.json({ ...JSON.parse(cached), cached: true });
      const product = await Sentry.startSpan({ name: 'load product', op: 'function' }, async () => ({
        id: request.params.id,
        name: 'Espresso grinder',
        cents: 24_900,
      }));
      await redis.set(key, JSON.stringify(product), 'EX', 60);
      return response.json({ ...product, cached: false });
    }),
  );
}
