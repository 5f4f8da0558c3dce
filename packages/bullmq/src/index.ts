export { TRACE_OPTION, type TraceCarrier } from './carrier.js';
export type { CronOptions } from './check-ins.js';
export type { SentryJob } from './job.js';
export type { WithSentryOptions } from './options.js';
export { withSentry } from './processor.js';
export { instrumentQueue, type ProducerQueue } from './queue.js';
