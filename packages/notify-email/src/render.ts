import type { Alert } from '@faultline/alerts';
import { alertFacts } from './facts.js';
import { renderHtml } from './render-html.js';
import { renderText } from './render-text.js';
import type { RenderedEmail, RenderOptions } from './types.js';

/**
 * The subject, text body and HTML body `EmailNotifier` sends for an alert — for previews and
 * tests. Both bodies state the same facts; the HTML one escapes everything from the alert and
 * loads no external resources.
 *
 * ```ts
 * const { subject } = renderAlertEmail(alert);
 * // '[prod] 12× PaymentError in chargeCard'
 * ```
 */
export function renderAlertEmail(alert: Alert, options: RenderOptions = {}): RenderedEmail {
  const facts = alertFacts(alert, options.subjectPrefix);
  return { subject: facts.subject, text: renderText(facts), html: renderHtml(facts) };
}
