import * as Sentry from '@sentry/node';
import { PaymentDeclinedError } from './errors.js';

/** A card as the checkout form sends it. */
export interface Card {
  number: string;
  cvv: string;
}

/** The payment gateway the shop charges cards through. */
export interface PaymentGateway {
  charge(card: Card, email: string, amountCents: number): Promise<{ id: string }>;
}

/** The processor's answer today: every card is declined. */
async function chargeCard(card: Card, email: string): Promise<{ id: string }> {
  throw new PaymentDeclinedError(`Card ${card.number} declined for ${email}: do_not_honor`);
}

/**
 * A stand-in for a card processor's API client that is having a bad day: it declines every card.
 * The span is what an HTTP client instrumentation would record, plus a careless attribute
 * holding the API key.
 */
export function createPaymentGateway(apiKey: string): PaymentGateway {
  return {
    charge(card, email, amountCents) {
      const attributes = {
        'http.request.method': 'POST',
        'url.full': 'https://payments.example.com/v1/charges',
        'payment.api_key': apiKey,
        'payment.amount': amountCents,
      };
      return Sentry.startSpan({ name: 'POST /v1/charges', op: 'http.client', attributes }, () =>
        chargeCard(card, email),
      );
    },
  };
}
