// An app on @sentry/node 11 that sends through the SDK's real HTTP transport to SENTRY_DSN.
// Driven over IPC; each command captures, flushes and answers { flushed }:
//   { error: 'message', padding: n }   captureException, with n characters of extra data
//   { log: 'message' }                 Sentry.logger.info
import * as Sentry from '@sentry/node';

Sentry.init({ dsn: process.env.SENTRY_DSN, enableLogs: true, tracesSampleRate: 0 });

process.on('message', async (command) => {
  if (command.error) {
    const extra = command.padding ? { padding: 'x'.repeat(command.padding) } : {};
    Sentry.captureException(new Error(command.error), { extra });
  }
  if (command.log) Sentry.logger.info(command.log);
  process.send({ flushed: await Sentry.flush(5_000) });
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
