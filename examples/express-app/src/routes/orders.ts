import { ErrorTracker } from '@faultline/node';
import * as Sentry from '@sentry/node';
import type { Router } from 'express';
import type { Database } from '../shop/database.js';
import type { Card, PaymentGateway } from '../shop/payments.js';
import { asyncRoute } from './async-route.js';

/** What the order routes need. */
export interface OrderServices {
  database: Database;
  payments: PaymentGateway;
}

interface CheckoutForm {
  orderId: string;
  email: string;
  amountCents: number;
  card: Card;
}

/** The client's address: the first `X-Forwarded-For` hop (behind a load balancer), else the socket's. */
function clientIp(forwardedFor: string | string[] | undefined, socketIp: string | undefined) {
  const first = (Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor)?.split(',')[0]?.trim();
  return first || socketIp;
}

/** `POST /api/orders` and `POST /api/checkout`. */
export function addOrderRoutes(router: Router, { database, payments }: OrderServices): void {
  router.post(
    '/orders',
    asyncRoute(async (request, response) => {
      const { id, sku, quantity } = request.body as { id: string; sku: string; quantity: number };
      await database.query('INSERT INTO orders (id, sku, quantity) VALUES ($1, $2, $3)', [id, sku, quantity]);
      response.status(201).json({ id });
    }),
  );

  router.post(
    '/checkout',
    asyncRoute(async (request, response) => {
      const form = request.body as CheckoutForm;
      ErrorTracker.setUser({
        id: `customer-${form.orderId}`,
        email: form.email,
        ip_address: clientIp(request.headers['x-forwarded-for'], request.ip),
      });
      Sentry.setTag('customer', form.email);
      Sentry.logger.info(`charging ${form.amountCents} cents for ${form.email}`, {
        'order.id': form.orderId,
        'payment.card': form.card.number,
      });
      const charge = await payments.charge(form.card, form.email, form.amountCents);
      response.json({ orderId: form.orderId, chargeId: charge.id });
    }),
  );
}
