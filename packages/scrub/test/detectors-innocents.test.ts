import { describe, expect, it } from 'vitest';
import { createScrubber } from '../src/index.js';

/** Text that looks like a secret to a careless pattern but is not one: it must come back byte-identical. */
const INNOCENTS = [
  '<token_count>5</token_count><b>bold</b><author>Jane Austen</author>',
  'fa67c51c2fbe4dc5b3588ee58184238d', // trace id
  'span bef8378955e9e5c8 of 83c5111cb6c84b1aa64d48295fa82c9e',
  'sentry-trace fa67c51c2fbe4dc5b3588ee58184238d-b140ec0fbf35e862-1',
  'sentry-environment=production,sentry-public_key=public,sentry-trace_id=fa67c51c2fbe4dc5b3588ee58184238d',
  'request 550e8400-e29b-41d4-a716-446655440000 done',
  'commit da39a3ee5e6b4b0d3255bfef95601890afd80709',
  'sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'content digest e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'at 2026-11-30T11:03:00.862Z and 2026-11-30 11:03:00+01:00',
  'version 1.2.3, runtime 12.4.254.21-node.33, node v20.20.2, kernel 6.18.44-fc-v657',
  'version 1.2.3.4.5',
  'count 42, ratio 3.14159, total 1234.56, delta -12, ts 1796036581.81',
  'order 4111111111111112 and 4111 1111 1111 1112', // Luhn-invalid
  '/search?q=4111+1111+1111+1112&sum=1234+5678 and /cards/4111%201111%201111%201112', // Luhn-invalid, encoded
  'took until 1796036581810 ms epoch', // unix ms
  'GET /api/users/:id',
  'GET /api/orders/:orderId/items?page=2&sort=desc',
  'GET /api/home/banners/:id',
  'SELECT id, name FROM users WHERE id = $1 AND org_id = ? LIMIT 10',
  'UPDATE users SET password_hash = $1 WHERE id = $2',
  '    at handler (/app/src/index.js:10:5)',
  '    at Module._compile (node:internal/modules/cjs/loader:1521:14)',
  '/home/node/app/index.js and /Users/runner/work/app/x.js and file:///app/dist/index.mjs:1:2',
  'http://127.0.0.1:42285/health from 127.0.0.1 on 0.0.0.0:8080 and ::1',
  'author=jane&keyboard=us&sidebar=open&token_count=12&input_tokens=3',
  '{"author":"jane","keyboard":"us","sidebar":"open","token_count":12,"input_tokens":3}',
  'mac 00:1B:44:11:3A:B7 at 11:03:00 in Foo::bar::baz',
  'call 555-123-4567; never issued 000-12-3456, 666-12-3456, 900-12-3456',
  'pnpm add @sentry/node@11.12.0 @types/node',
  'Basic auth disabled on the basic plan; bearer tokens only',
];

describe('innocent text stays byte-identical', () => {
  const scrubber = createScrubber();
  it.each(INNOCENTS)('%s', (text) => {
    expect(scrubber.scrubString(text)).toBe(text);
    expect(scrubber.scrubValue({ message: text })).toEqual({ message: text });
  });
});
