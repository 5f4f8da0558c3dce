import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One post the Slack stand-in received. */
export interface SlackPost {
  /** `Date.now()` when it arrived. */
  at: number;
  status: number;
  /** The alert id from the message footer (`alert \`<id>\``), or `?`. */
  alertId: string;
  /** `burst`, `error-rate` or `?`, from the footer. */
  kind: string;
  body: string;
}

/** How the stand-in answers one post. */
export interface SlackAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** A Slack incoming webhook on 127.0.0.1 whose answers the test scripts. */
export interface SlackStandIn {
  /** `http://127.0.0.1:PORT/services/…`: SENTRY_SLACK_WEBHOOK_URL. */
  readonly webhookUrl: string;
  readonly posts: SlackPost[];
  /** The posts answered 2xx: what Slack would have shown. */
  delivered(): SlackPost[];
  /** Answers every post with `answer(post time)` from now on (default `200 ok`). */
  answerWith(answer: (now: number) => SlackAnswer): void;
  close(): Promise<void>;
}

const OK: SlackAnswer = { status: 200, body: 'ok' };

/** Reads the alert id and kind from a message's footer (see @faultline/notify-slack's message.ts). */
function footerOf(raw: string): { alertId: string; kind: string } {
  const alertId = /alert `([^`]+)`/.exec(raw)?.[1] ?? '?';
  const kind = raw.includes('Burst alert') ? 'burst' : raw.includes('Error-rate alert') ? 'error-rate' : '?';
  return { alertId, kind };
}

export async function startSlack(): Promise<SlackStandIn> {
  const posts: SlackPost[] = [];
  let answer: (now: number) => SlackAnswer = () => OK;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const now = Date.now();
      const reply = answer(now);
      posts.push({ at: now, status: reply.status, body, ...footerOf(body) });
      response.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers });
      response.end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    webhookUrl: `http://127.0.0.1:${port}/services/T0FAULTS/B0FAULTS/faultsuitewebhooktoken0`,
    posts,
    delivered: () => posts.filter((post) => post.status >= 200 && post.status < 300),
    answerWith: (next) => {
      answer = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** How many times each id occurs: `{ id: count }`. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}
