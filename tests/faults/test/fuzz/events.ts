// Hostile Sentry events and the errors behind them, for the fingerprint target.
import fc from 'fast-check';
import { adversarialString, fragmentString, PLANTED } from './strings.js';
import { ErrorRecipe, hostileField } from './values.js';

/** A text an error could carry: adversarial, or a planted secret's carrier inside other text. */
const errorText = fc.oneof(
  adversarialString,
  fc.tuple(fc.constantFrom(...PLANTED), fragmentString).map(([secret, noise]) => `${noise} ${secret.text}`),
);

/** Something in the place of `field`: well-typed most of the time, anything hostile otherwise. */
const either = <T>(typed: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: typed, weight: 4 }, { arbitrary: hostileField, weight: 1 });

const frame = fc.record(
  {
    function: either(
      fc.oneof(fc.constantFrom('chargeCard', 'Pool.query', 'fetch', '<anonymous>'), adversarialString),
    ),
    filename: either(fc.oneof(fc.constant('/home/jdoe_fltk7q/shop/src/pay.js'), adversarialString)),
    abs_path: either(adversarialString),
    module: either(adversarialString),
    lineno: either(fc.integer()),
    in_app: either(fc.boolean()),
    vars: hostileField,
  },
  { requiredKeys: [] },
);

/** An error event as the SDK hands it to `processEvent`, every field possibly of the wrong type (a recipe). */
export const hostileEvent = fc.record(
  {
    event_id: fc.string({ maxLength: 32 }),
    level: either(fc.constantFrom('fatal', 'error', 'warning', 'info', 'debug')),
    message: either(errorText),
    logentry: either(fc.record({ message: errorText, params: fc.array(hostileField, { maxLength: 3 }) })),
    transaction: either(errorText),
    exception: either(
      fc.record({
        values: fc.array(
          fc.record(
            {
              type: either(
                fc.oneof(
                  fc.constantFrom(
                    'Error',
                    'DatabaseError',
                    'PostgresError',
                    'AxiosError',
                    'ZodError',
                    'RateLimitError',
                  ),
                  adversarialString,
                ),
              ),
              value: either(errorText),
              stacktrace: either(fc.record({ frames: fc.array(frame, { maxLength: 8 }) })),
              mechanism: hostileField,
            },
            { requiredKeys: [] },
          ),
          { maxLength: 3 },
        ),
      }),
    ),
    request: either(
      fc.record(
        {
          url: either(
            fc.oneof(
              errorText,
              fc.constant('https://jane:Pl4nted-Url-Pass@api.example.com/v1?api_key=fltk9f8e7d6c5b4a3928170'),
            ),
          ),
          method: either(fc.constantFrom('GET', 'POST')),
          headers: hostileField,
          data: hostileField,
          query_string: hostileField,
        },
        { requiredKeys: [] },
      ),
    ),
    tags: hostileField,
    extra: hostileField,
    contexts: hostileField,
    user: hostileField,
    breadcrumbs: either(fc.array(fc.record({ message: errorText, data: hostileField }), { maxLength: 3 })),
    fingerprint: either(fc.array(fc.oneof(fc.constant('{{ default }}'), errorText), { maxLength: 3 })),
  },
  { requiredKeys: [] },
);

/** What an error object behind an event may carry (`hint.originalException`). */
export const hostileException = either(
  fc
    .record(
      {
        message: errorText,
        name: adversarialString,
        code: fc.oneof(
          fc.constantFrom('23505', '40001', 'ECONNREFUSED', 'ETIMEDOUT', '429'),
          adversarialString,
        ),
        query: fc.oneof(
          errorText,
          fc.constant("INSERT INTO users (email) VALUES ('jane.planted.fltk@example.com')"),
        ),
        status: fc.oneof(fc.integer(), adversarialString),
        config: hostileField,
        response: hostileField,
      },
      { requiredKeys: [] },
    )
    .map((fields) => new ErrorRecipe(fields)),
);
