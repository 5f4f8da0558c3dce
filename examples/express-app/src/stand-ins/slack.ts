import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One post to the webhook, as Slack would have received it. */
export interface SlackPost {
  path: string;
  raw: string;
  /** The parsed JSON body, or undefined when it was not JSON. */
  body: unknown;
}

/** A Slack incoming-webhook stand-in: a real HTTP server on 127.0.0.1 that records what is posted. */
export interface SlackStandIn {
  /** A webhook URL on this server, shaped like Slack's. */
  url: string;
  posts: SlackPost[];
  close(): Promise<void>;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Starts the stand-in on a free port. It answers every POST `200 ok`, as Slack does. */
export async function startSlackStandIn(): Promise<SlackStandIn> {
  const posts: SlackPost[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST') {
        response.writeHead(405).end();
        return;
      }
      const raw = Buffer.concat(chunks).toString('utf8');
      posts.push({ path: request.url ?? '/', raw, body: parseJson(raw) });
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/XXXX`,
    posts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
