export { SlackDeliveryError, type SlackDeliveryErrorDetails, SlackNotifierError } from './errors.js';
export { buildSlackMessage, MAX_GROUPS_LISTED } from './message.js';
export { DEFAULT_FLUSH_TIMEOUT_MS, SlackNotifier } from './slack-notifier.js';
export { escapeMrkdwn } from './text.js';
export type {
  BackoffOptions,
  ErrorNotification,
  SlackBlock,
  SlackButton,
  SlackDeliveryFailure,
  SlackFetch,
  SlackFetchInit,
  SlackFetchResponse,
  SlackMessage,
  SlackMessageOptions,
  SlackNotifierOptions,
  SlackText,
} from './types.js';
