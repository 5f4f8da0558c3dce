import { createScrubber } from '@faultline/scrub';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/options.js';
import { withSentry } from '../src/processor.js';

describe('withSentry options', () => {
  it('continue the trace, report the final attempt, scrub the data and send no check-ins by default', () => {
    const resolved = resolveOptions();
    expect(resolved).toMatchObject({ link: false, everyAttempt: false, cron: undefined });
    expect(resolved.scrubber?.scrubValue({ password: 'x' })).toEqual({ password: '[Filtered]' });
  });

  it('take a scrubber, leave the data out, and turn cron on with true or an object', () => {
    const scrubber = createScrubber({ keys: ['orderId'] });
    expect(resolveOptions({ scrubber }).scrubber).toBe(scrubber);
    expect(resolveOptions({ jobData: false, scrubber }).scrubber).toBeUndefined();
    expect(resolveOptions({ cron: true }).cron).toEqual({});
    const monitorSlug = () => 'billing';
    expect(resolveOptions({ cron: { monitorSlug } }).cron).toEqual({ monitorSlug });
    expect(resolveOptions({ cron: false }).cron).toBeUndefined();
  });

  it('throw a TypeError naming a bad option when the processor is wrapped', () => {
    const processor = async () => undefined;
    // @ts-expect-error a value the types forbid, as JavaScript callers can pass it
    expect(() => withSentry(processor, { trace: 'follow' })).toThrow(/`trace`.*'continue' or 'link'/);
    // @ts-expect-error
    expect(() => withSentry(processor, { captureErrors: 'final' })).toThrow(/`captureErrors`/);
    // @ts-expect-error
    expect(() => withSentry(processor, { cron: 'daily' })).toThrow(/`cron`/);
  });
});
