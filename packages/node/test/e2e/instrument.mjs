// Preloaded with `--import ./instrument.mjs`: Faultline starts before the app's first import.
// Settings come from the environment the test gives the process. LIFECYCLE=static runs
// @sentry/node 11 with transactions instead of streamed spans. The user's own callbacks add a
// secret each, to prove that what they return is scrubbed too.
import { init } from '@faultline/node';
import { CALLBACK_SECRETS } from './secrets.ts';

const lifecycle = process.env.LIFECYCLE;

globalThis.faultline = init({
  sentryOptions: {
    enableLogs: true,
    ...(lifecycle ? { traceLifecycle: lifecycle } : {}),
    beforeSend(event) {
      event.extra = { ...event.extra, note: `retry with ${CALLBACK_SECRETS.beforeSend}` };
      return event;
    },
    beforeSendLog(log) {
      return { ...log, attributes: { ...log.attributes, api_key: CALLBACK_SECRETS.beforeSendLog } };
    },
    beforeSendSpan(span) {
      if (span.attributes) span.attributes.password = CALLBACK_SECRETS.beforeSendSpan;
      else span.data = { ...span.data, password: CALLBACK_SECRETS.beforeSendSpan };
      return span;
    },
    beforeBreadcrumb(crumb) {
      return { ...crumb, data: { ...crumb.data, token: CALLBACK_SECRETS.beforeBreadcrumb } };
    },
  },
});
