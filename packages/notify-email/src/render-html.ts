import type { EmailFacts, Fact, GroupFacts } from './facts.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes `& < > " '`, so any text is safe as element content and as a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

const LEVEL_COLORS: Record<string, string> = {
  fatal: '#8b0000',
  error: '#d1242f',
  warning: '#bf8700',
  info: '#0969da',
  debug: '#59636e',
};
const RESOLVED_COLOR = '#1a7f37';

const BODY_STYLE =
  'margin:0;padding:16px;background:#ffffff;color:#1f2328;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;line-height:1.45';
const LABEL_STYLE =
  'text-align:left;vertical-align:top;padding:2px 16px 2px 0;color:#59636e;font-weight:normal';
const VALUE_STYLE = 'vertical-align:top;padding:2px 0';
const MESSAGE_STYLE =
  'margin:0;white-space:pre-wrap;word-break:break-word;font-family:SFMono-Regular,Consolas,Menlo,monospace;font-size:13px';
const CODE_STYLE = 'font-family:SFMono-Regular,Consolas,Menlo,monospace;font-size:13px';

function row(label: string, valueHtml: string): string {
  return `<tr><th scope="row" style="${LABEL_STYLE}">${escapeHtml(label)}</th><td style="${VALUE_STYLE}">${valueHtml}</td></tr>`;
}

function factRows(facts: readonly Fact[]): string[] {
  return facts.map((fact) =>
    row(
      fact.label,
      fact.multiline
        ? `<div style="${MESSAGE_STYLE}">${escapeHtml(fact.value)}</div>`
        : escapeHtml(fact.value),
    ),
  );
}

function groupHtml(group: GroupFacts, resolved: boolean): string {
  const color = resolved ? RESOLVED_COLOR : (LEVEL_COLORS[group.level.toLowerCase()] ?? LEVEL_COLORS.error);
  const rows = factRows(group.facts);
  if (group.tags.length > 0) {
    const tags = group.tags
      .map(([key, value]) => `<span style="${CODE_STYLE}">${escapeHtml(key)}=${escapeHtml(value)}</span>`)
      .join(', ');
    rows.push(row('Tags', tags));
  }
  if (group.link) {
    const href = escapeHtml(group.link);
    rows.push(row('In Sentry', `<a href="${href}" style="color:#0969da">Open the issue in Sentry</a>`));
  }
  return [
    `<div style="border-left:4px solid ${color};padding:8px 12px;margin:16px 0">`,
    `<h2 style="margin:0 0 8px;font-size:16px">${escapeHtml(group.title)}</h2>`,
    `<table role="presentation" style="border-collapse:collapse">${rows.join('')}</table>`,
    '</div>',
  ].join('\n');
}

/**
 * The text/html body: inline styles only, no images, stylesheets, fonts or scripts, so it loads
 * nothing from anywhere. Every value from the alert is escaped; the only link is the issue's
 * http(s) URL.
 */
export function renderHtml(facts: EmailFacts): string {
  const parts = [
    '<!doctype html>',
    '<html>',
    `<head><meta charset="utf-8"><title>${escapeHtml(facts.subject)}</title></head>`,
    `<body style="${BODY_STYLE}">`,
    `<p style="margin:0 0 8px">${escapeHtml(facts.intro)}</p>`,
    ...facts.groups.map((group) => groupHtml(group, facts.resolved)),
  ];
  if (facts.moreGroups > 0) {
    const more = `…and ${facts.moreGroups} more ${facts.moreGroups === 1 ? 'group' : 'groups'}.`;
    parts.push(`<p style="margin:0 0 8px">${escapeHtml(more)}</p>`);
  }
  if (facts.context.length > 0) {
    parts.push(
      `<table role="presentation" style="border-collapse:collapse;margin-top:8px">${factRows(facts.context).join('')}</table>`,
    );
  }
  parts.push('<p style="margin:16px 0 0;color:#59636e;font-size:12px">Sent by @faultline/notify-email.</p>');
  parts.push('</body>', '</html>');
  return `${parts.join('\n')}\n`;
}
