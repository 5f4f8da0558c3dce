/** Planted in the data of the job that fails three times: it must never reach Sentry as is. */
export const PASSWORD = 'planted-Pa55word-9f3k';

/** The data of the job that succeeds: its JSON size is the expected `messaging.message.body.size`. */
export const RECEIPT = { orderId: 'o-3', lines: ['book', 'pen'] };
