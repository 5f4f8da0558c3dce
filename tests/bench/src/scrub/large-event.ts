/**
 * A generated error event of about 1 MB, shaped as @sentry/node builds them: an exception, request
 * data, a user, thousands of breadcrumbs and a nested `extra`. testkit's planted secrets go in two
 * ways, alternately: under their key (`extra.accounts[i][key]`), or inside free text (the
 * exception message, breadcrumb messages, `extra.notes`), where only value detection finds them.
 */
import type { PlantedSecret } from '@faultline/testkit';

const TARGET_BYTES = 1_000_000;

export interface GeneratedEvent {
  event: Record<string, unknown>;
  /** The secrets planted under their key and those planted in text. */
  keyed: PlantedSecret[];
  inText: PlantedSecret[];
}

function breadcrumb(index: number, texts: readonly string[]) {
  const planted = index % 97 === 0 ? texts[(index / 97) % texts.length] : undefined;
  return {
    timestamp: 1796036581.953 + index / 1000,
    category: index % 3 === 0 ? 'http' : 'console',
    level: 'info',
    message:
      planted ??
      `step ${index}: order ${10_000 + index} loaded in ${index % 50} ms (cache ${index % 2 ? 'hit' : 'miss'})`,
    data: {
      url: `https://api.example.com/v1/orders/${10_000 + index}?page=${index % 7}&expand=items`,
      method: 'GET',
      status_code: 200,
      duration_ms: index % 50,
    },
  };
}

function nested(depth: number, width: number, seed: number): Record<string, unknown> {
  if (depth === 0) return { sku: `SKU-${seed}`, quantity: seed % 9, price: (seed % 100) + 0.99 };
  return Object.fromEntries(
    Array.from({ length: width }, (_, index) => [
      `level${depth}_${index}`,
      nested(depth - 1, width, seed * width + index),
    ]),
  );
}

export function generatedEvent(secrets: readonly PlantedSecret[]): GeneratedEvent {
  const keyed = secrets.filter((secret, index) => secret.key !== undefined && index % 2 === 0);
  const inText = secrets.filter((secret) => !keyed.includes(secret));
  const texts = inText.map((secret) => secret.text);
  const event: Record<string, unknown> = {
    event_id: 'b2c3d4e5f60718293a4b5c6d7e8f9012',
    level: 'error',
    platform: 'node',
    timestamp: 1796036582.1,
    environment: 'production',
    transaction: 'POST /api/orders/:id/checkout',
    exception: { values: [{ type: 'Error', value: `checkout failed: ${texts[0] ?? ''}` }] },
    request: {
      method: 'POST',
      url: 'https://shop.example.com/api/orders/10042/checkout?page=2',
      headers: { 'content-type': 'application/json', 'user-agent': 'bench/1.0', accept: '*/*' },
      data: { orderId: 10042, items: [{ sku: 'SKU-1', quantity: 2 }], note: 'leave at the door' },
    },
    user: { id: '42', username: 'jane' },
    tags: { route: '/api/orders/:id/checkout', region: 'eu-west-1' },
    extra: {
      accounts: keyed.map((secret, index) => ({ id: index, [secret.key!]: secret.value, plan: 'pro' })),
      notes: texts.slice(1, 4),
      catalog: nested(4, 4, 1),
    },
    breadcrumbs: [] as unknown[],
  };
  const crumbs = event.breadcrumbs as unknown[];
  const bytes = () => JSON.stringify(event).length;
  while (bytes() < TARGET_BYTES)
    for (let index = 0; index < 200; index++) crumbs.push(breadcrumb(crumbs.length, texts.slice(4)));
  return { event, keyed, inText };
}
