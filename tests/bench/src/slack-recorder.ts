import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message Faultline posted to the Slack webhook. */
export interface SlackPost {
  at: number;
  /** The plain-text fallback of the Block Kit message. */
  text: string;
}

/** A Slack incoming-webhook stand-in on 127.0.0.1 that answers 200 and keeps what was posted. */
export interface SlackRecorder {
  url: string;
  posts: SlackPost[];
  close(): Promise<void>;
}

export async function startSlackRecorder(): Promise<SlackRecorder> {
  const posts: SlackPost[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => {
      let text = '';
      try {
        text = String((JSON.parse(body) as { text?: unknown }).text ?? '');
      } catch {
        text = body.slice(0, 200);
      }
      posts.push({ at: Date.now(), text });
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/T0BENCH/B0BENCH/recorder`,
    posts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
