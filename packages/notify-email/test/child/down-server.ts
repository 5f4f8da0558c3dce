// Run by lifecycle.test.ts in a child process: an alert for an SMTP server that is down, with a
// one-minute backoff. Without flush() the process must exit at once; with flush(ms) it must wait.
import { EmailNotifier } from '../../src/index.js';
import { makeAlert } from '../fixtures.js';

const [port, flushMs] = process.argv.slice(2).map(Number);
const email = new EmailNotifier({
  smtpUrl: `smtp://user:child-pa55word@127.0.0.1:${port}`,
  from: 'alerts@example.com',
  to: 'oncall@example.com',
  backoff: { baseMs: 60_000, capMs: 60_000 },
  onError: (error) => console.log(`onError ${error.reason}`),
});
await email.notify(makeAlert());
if (flushMs) console.log(`flushed ${await email.flush(flushMs)}`);
