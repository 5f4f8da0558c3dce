export { EmailNotifier } from './email-notifier.js';
export { EmailDeliveryError, type EmailDeliveryErrorInit, EmailNotifierError } from './errors.js';
export { renderAlertEmail } from './render.js';
export type {
  EmailBackoff,
  EmailFailureReason,
  EmailMessage,
  EmailNotifierOptions,
  EmailTransport,
  RenderedEmail,
  RenderOptions,
} from './types.js';
