import type { Event, EventHint, StackFrame } from '@sentry/core';

/** An error shaped like the library's own: its class name, message and extra fields. */
export function libraryError(name: string, message: string, fields: Record<string, unknown> = {}): Error {
  const ErrorClass = { [name]: class extends Error {} }[name]!;
  const error = new ErrorClass(message);
  error.name = name;
  return Object.assign(error, fields);
}

const frame = (fn: string, inApp: boolean, module = 'app'): StackFrame => ({
  function: fn,
  module,
  filename: inApp ? `/srv/app/src/${module}.js` : `/srv/app/node_modules/${module}/index.js`,
  abs_path: inApp ? `/srv/app/src/${module}.js` : `/srv/app/node_modules/${module}/index.js`,
  in_app: inApp,
});

/** The event Sentry makes of `error` thrown in `functionName`, and the hint carrying the error. */
export function eventFor(
  error: Error,
  { functionName = 'handler', event = {} as Event } = {},
): [Event, EventHint] {
  return [
    {
      level: 'error',
      exception: {
        values: [
          {
            type: error.name,
            value: error.message,
            stacktrace: {
              frames: [frame('Layer.handle', false, 'router'), frame(functionName, true, 'orders')],
            },
          },
        ],
      },
      ...event,
    },
    { originalException: error },
  ];
}
