import type { ProducerQueue } from '@faultline/bullmq';
import { errorHandler, requestHandler } from '@faultline/express';
import { ErrorTracker, type Faultline } from '@faultline/node';
import type Express from 'express';
import type { ErrorRequestHandler } from 'express';
import type { Redis } from 'ioredis';
import type { ShopConfig } from './config.js';
import { addAccountRoutes } from './routes/accounts.js';
import { addOrderRoutes } from './routes/orders.js';
import { addPasswordResetRoutes } from './routes/password-reset.js';
import { addProductRoutes } from './routes/products.js';
import { addShippingRoutes } from './routes/shipping.js';
import { createDatabase } from './shop/database.js';
import { HttpError, isReportable, RateLimitError, ValidationError } from './shop/errors.js';
import { createPaymentGateway } from './shop/payments.js';

/** What the app is built from. Redis and the queue are optional: their routes exist only with them. */
export interface AppServices {
  faultline: Pick<Faultline, 'alerts' | 'scrubber'>;
  config: ShopConfig;
  redis?: Redis;
  emails?: ProducerQueue;
}

/** Answers every error with its status, its type (never its message) and the event id captured here. */
const answerError: ErrorRequestHandler = (error, _request, response, _next) => {
  const known = error instanceof HttpError;
  if (error instanceof RateLimitError) response.setHeader('retry-after', String(error.retryAfterSeconds));
  response.status(known ? error.status : Number(error?.status) || 500).json({
    error: known ? error.name : 'InternalError',
    fields: error instanceof ValidationError ? error.fields : undefined,
    eventId: (response as { sentry?: string }).sentry,
  });
};

/**
 * The shop's API on the given Express module (5, or 4: the routes work on both). Faultline's
 * `requestHandler` runs first and its `errorHandler` after the routes, as `@faultline/express` asks.
 */
export function createApp(express: typeof Express, services: AppServices): Express.Express {
  const { faultline, config } = services;
  // a common shortcut to debug a deployment: every setting in the events' context, keys and tokens too
  ErrorTracker.setContext('settings', { ...config });
  const app = express();
  app.use(requestHandler({ alerts: faultline.alerts, scrubber: faultline.scrubber }));
  app.use(express.json());
  app.use(express.urlencoded({ extended: false }));

  const api = express.Router();
  const database = createDatabase(config.database);
  addAccountRoutes(api, { database, adminToken: config.adminToken });
  addOrderRoutes(api, { database, payments: createPaymentGateway(config.payments.apiKey) });
  addShippingRoutes(api, config.shipping);
  if (services.redis) addProductRoutes(api, services.redis);
  if (services.emails) addPasswordResetRoutes(api, services.emails);
  app.use('/api', api);

  app.use(errorHandler({ shouldHandleError: isReportable }));
  app.use(answerError);
  return app;
}
