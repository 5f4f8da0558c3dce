import { type LoopbackReceiver, startLoopbackReceiver } from '@faultline/testkit';
import { afterAll, beforeAll } from 'vitest';

/** The loopback Sentry receiver of a test file: started before its tests, closed after them. */
export function useReceiver(): { readonly current: LoopbackReceiver } {
  const holder = {} as { current: LoopbackReceiver };
  beforeAll(async () => {
    holder.current = await startLoopbackReceiver();
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return holder;
}
