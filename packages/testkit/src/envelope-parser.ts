import type { RecordedEnvelope, RecordedItem } from './types.js';

const NEWLINE = 0x0a;
const decoder = new TextDecoder();
const encoder = new TextEncoder();

function parseObject(bytes: Uint8Array, what: string): Record<string, unknown> {
  const value: unknown = JSON.parse(decoder.decode(bytes));
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`the ${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

function parsePayload(bytes: Uint8Array): unknown {
  const text = decoder.decode(bytes);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The envelope format: a header line, then per item a header line and a payload of `length`
 * bytes when the item header gives one, else of one line. Lengths count bytes, so this works on bytes.
 */
function parseBytes(bytes: Uint8Array): Pick<RecordedEnvelope, 'header' | 'items'> {
  let offset = 0;
  const take = (length: number): Uint8Array => {
    const chunk = bytes.subarray(offset, offset + length);
    offset += length;
    if (bytes[offset] === NEWLINE) offset++;
    return chunk;
  };
  const takeLine = (): Uint8Array => {
    const end = bytes.indexOf(NEWLINE, offset);
    return take((end === -1 ? bytes.length : end) - offset);
  };

  const header = parseObject(takeLine(), 'envelope header');
  const items: RecordedItem[] = [];
  while (offset < bytes.length) {
    const headerLine = takeLine();
    if (headerLine.length === 0) continue; // a trailing newline
    const itemHeader = parseObject(headerLine, `header of item ${items.length}`);
    const length = itemHeader.length;
    const payload = typeof length === 'number' ? take(length) : takeLine();
    items.push({
      header: { ...itemHeader, type: String(itemHeader.type) },
      payload: parsePayload(payload),
    });
  }
  return { header, items };
}

/**
 * Parses a serialized envelope (what a transport sends, decompressed) back into its header and
 * items. Never throws: a body that is not an envelope is kept as `raw` with an `error`, so that a
 * secret in it can still be found.
 */
export function readEnvelope(body: string | Uint8Array): RecordedEnvelope {
  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  const raw = typeof body === 'string' ? body : decoder.decode(body);
  try {
    return { ...parseBytes(bytes), raw };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { header: {}, items: [], raw, error: `not a valid envelope: ${reason}` };
  }
}
