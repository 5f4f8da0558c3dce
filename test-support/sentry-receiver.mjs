// A stand-in for Sentry's ingest endpoint, run as its own process so the app under test never
// instruments it. Plain Node, no dependencies.
//
//   POST /api/<project>/envelope/  records the envelope (gzip, deflate or plain body)
//   GET  /envelopes                 every recorded envelope as JSON
//   POST /reset                     forgets them
//
// On start it prints one JSON line, {"port":N}, on stdout. It listens on 127.0.0.1 only.
import { createServer } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/** @type {Array<{ path: string, encoding: string | null, raw: string, header: unknown, items: Array<{ header: any, payload: unknown }> }>} */
const envelopes = [];

function decode(body, encoding) {
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
      throw new Error(`unsupported content-encoding ${encoding}`);
  }
}

/** Reads up to the next newline (or the end) from `offset`; returns the line and where the next one starts. */
function readLine(buffer, offset) {
  const end = buffer.indexOf(0x0a, offset);
  return end === -1 ? [buffer.subarray(offset), buffer.length] : [buffer.subarray(offset, end), end + 1];
}

function parseJson(bytes) {
  const text = bytes.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Envelope: a header line, then per item a header line and a payload (`length` bytes if given, else one line). */
function parseEnvelope(buffer) {
  let [line, offset] = readLine(buffer, 0);
  const header = JSON.parse(line.toString('utf8'));
  const items = [];
  while (offset < buffer.length) {
    [line, offset] = readLine(buffer, offset);
    if (line.length === 0) continue; // a trailing newline
    const itemHeader = JSON.parse(line.toString('utf8'));
    let payload;
    if (typeof itemHeader.length === 'number') {
      payload = buffer.subarray(offset, offset + itemHeader.length);
      offset += itemHeader.length;
      if (buffer[offset] === 0x0a) offset++;
    } else {
      [payload, offset] = readLine(buffer, offset);
    }
    items.push({ header: itemHeader, payload: parseJson(payload) });
  }
  return { header, items };
}

function send(response, status, body) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    try {
      if (request.method === 'GET' && url.pathname === '/envelopes') return send(response, 200, envelopes);
      if (request.method === 'POST' && url.pathname === '/reset') {
        envelopes.length = 0;
        return send(response, 200, {});
      }
      if (request.method === 'POST' && /^\/api\/[^/]+\/envelope\/?$/.test(url.pathname)) {
        const encoding = request.headers['content-encoding'] ?? null;
        const body = decode(Buffer.concat(chunks), encoding);
        envelopes.push({ path: url.pathname, encoding, raw: body.toString('utf8'), ...parseEnvelope(body) });
        return send(response, 200, {});
      }
      send(response, 404, { error: `no route ${request.method} ${url.pathname}` });
    } catch (error) {
      process.stderr.write(`receiver: ${error?.stack ?? error}\n`);
      send(response, 400, { error: String(error) });
    }
  });
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});

for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
