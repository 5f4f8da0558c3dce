/** What a person reads in a mail: its decoded subject and its text/plain and text/html parts. */
export interface ReadableMail {
  subject: string;
  text: string;
  html: string;
}

function splitHead(raw: string): { head: string; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  return end < 0 ? { head: raw, body: '' } : { head: raw.slice(0, end), body: raw.slice(end + 4) };
}

function headersOf(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function decodeQuotedPrintable(text: string): string {
  // as percent-escapes, so that decodeURIComponent assembles the UTF-8 bytes
  const escaped = text
    .replace(/=\r?\n/g, '')
    .replace(/%/g, '%25')
    .replace(/=([0-9A-F]{2})/gi, '%$1');
  try {
    return decodeURIComponent(escaped);
  } catch {
    return text; // not UTF-8: leave it as sent
  }
}

/** RFC 2047 encoded words, as nodemailer writes non-ASCII subjects. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/** Decodes a raw message as nodemailer writes it (one level of multipart, QP or base64 parts). */
export function readMail(raw: string): ReadableMail {
  const { head, body } = splitHead(raw);
  const headers = headersOf(head);
  const mail: ReadableMail = { subject: decodeHeader(headers.get('subject') ?? ''), text: '', html: '' };
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get('content-type') ?? '')?.[1];
  const parts = boundary
    ? body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((chunk) => splitHead(chunk.replace(/^\r\n/, '')))
    : [{ head, body }];
  for (const part of parts) {
    const partHeaders = headersOf(part.head);
    const type = (partHeaders.get('content-type') ?? 'text/plain').toLowerCase();
    const decoded = decodeBody(partHeaders, part.body.replace(/\r\n$/, ''));
    if (type.startsWith('text/plain')) mail.text = decoded;
    if (type.startsWith('text/html')) mail.html = decoded;
  }
  return mail;
}
