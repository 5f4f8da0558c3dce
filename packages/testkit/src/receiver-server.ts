import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { readEnvelope } from './envelope-parser.js';
import type { ScriptedResponse } from './receiver-types.js';
import type { RecordedEnvelope } from './types.js';

/** Sentry's envelope endpoint: `/api/<project>/envelope/`. */
const ENVELOPE_PATH = /^\/api\/[^/]+\/envelope\/?$/;

function decode(body: Buffer, encoding: string | undefined): Buffer {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case '':
    case 'identity':
      return body;
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(body);
    case 'deflate':
      return inflateSync(body);
    case 'br':
      return brotliDecompressSync(body);
    default:
      throw new Error(`unsupported content-encoding "${encoding}"`);
  }
}

/** The body as an envelope; a body that cannot be decompressed is kept, undecoded, with an error. */
function envelopeOf(body: Buffer, encoding: string | undefined, path: string): RecordedEnvelope {
  let envelope: RecordedEnvelope;
  try {
    envelope = readEnvelope(decode(body, encoding));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    envelope = {
      header: {},
      items: [],
      raw: body.toString('utf8'),
      error: `cannot decode the body: ${reason}`,
    };
  }
  envelope.path = path;
  if (encoding) envelope.contentEncoding = encoding;
  return envelope;
}

function answer(
  response: ServerResponse,
  status: number,
  body: object,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * The HTTP side of the loopback receiver: records envelopes posted to Sentry's endpoint, answers
 * with a scripted response when one is set, and can stop and listen again on the same port.
 */
export function createReceiverServer(onReceived: () => void) {
  const envelopes: RecordedEnvelope[] = [];
  let rejected = 0;
  let scripted: (ScriptedResponse & { remaining: number }) | undefined;
  let port = 0;

  /** The scripted answer for this envelope, if any; counts it down. */
  const takeScripted = (): ScriptedResponse | undefined => {
    const current = scripted;
    if (current && --current.remaining <= 0) scripted = undefined;
    return current;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const body = await readBody(request);
    if (request.method !== 'POST' || !ENVELOPE_PATH.test(path))
      return answer(response, 404, { detail: `no route ${request.method} ${path}` });
    const script = takeScripted();
    if (script && script.status >= 300) {
      rejected++;
      return answer(response, script.status, { detail: 'scripted by respondWith()' }, script.headers);
    }
    const encoding = request.headers['content-encoding'];
    const envelope = envelopeOf(body, encoding, path);
    envelopes.push(envelope);
    onReceived();
    if (envelope.error) return answer(response, 400, { detail: envelope.error });
    answer(response, script?.status ?? 200, { id: envelope.header.event_id }, script?.headers);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      process.stderr.write(`loopback receiver: ${error instanceof Error ? error.stack : error}\n`);
      if (!response.headersSent) answer(response, 500, { detail: String(error) });
      else response.destroy();
    });
  });

  const listen = (on: number): Promise<number> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(on, '127.0.0.1', () => {
        server.off('error', reject);
        port = (server.address() as { port: number }).port;
        resolve(port);
      });
    });

  return {
    listen,
    /** Listens again on the port it listened on before. */
    restart: () => (server.listening ? Promise.resolve(port) : listen(port)),
    /** Stops listening and drops every open connection, keep-alive ones included. */
    stop: (): Promise<void> =>
      new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    envelopes: () => envelopes,
    rejected: () => rejected,
    respondWith(response: ScriptedResponse) {
      scripted = { ...response, remaining: response.times ?? Number.POSITIVE_INFINITY };
    },
    reset() {
      envelopes.length = 0;
      rejected = 0;
      scripted = undefined;
    },
  };
}
