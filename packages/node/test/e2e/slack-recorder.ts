import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Slack incoming webhook on 127.0.0.1 that records each JSON post and answers `ok`. */
export interface SlackRecorder {
  webhookUrl: string;
  posts: unknown[];
  close(): Promise<void>;
}

export async function startSlackRecorder(): Promise<SlackRecorder> {
  const posts: unknown[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      posts.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    webhookUrl: `http://127.0.0.1:${port}/services/T0000/B0000/XXXXXXXXXXXX`,
    posts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
