import { VARIABLES } from './schema.js';
import type { VariableDefinition } from './types.js';

/** The groups of the docs, by path prefix. */
const GROUPS: ReadonlyArray<[prefix: string, title: string]> = [
  ['sentry', 'Sentry'],
  ['alerts', 'Alerts'],
  ['alerts.email', 'Email alerts'],
  ['alerts.slack', 'Slack alerts'],
  ['scrub', 'Scrubbing (@faultline/scrub)'],
  ['fingerprint', 'Grouping (@faultline/fingerprint)'],
];

/** The command that rewrites `.env.example` and the README table from the schema. */
export const GENERATE_COMMAND = 'pnpm --filter @faultline/config generate';

/** The markers around the generated table in the README. */
export const DOCS_MARKERS = { start: '<!-- env:start -->', end: '<!-- env:end -->' } as const;

function groupOf(definition: VariableDefinition): string {
  const prefix = definition.path.slice(0, definition.path.lastIndexOf('.'));
  return GROUPS.find(([candidate]) => candidate === prefix)?.[1] ?? prefix;
}

function defaultText(definition: VariableDefinition, code: (text: string) => string): string | undefined {
  const fallback = definition.default;
  if (fallback === undefined || fallback === '') return undefined;
  return typeof fallback === 'string' ? code(fallback) : fallback.describe;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

/**
 * `.env.example`: every variable with its description, default and an example, all values left
 * empty (an empty value counts as unset, so the file as it is loads as the defaults).
 */
export function renderEnvExample(): string {
  const lines = [
    '# Every environment variable of Faultline (@faultline/config), all optional: an empty value',
    '# counts as unset. Check a configuration with `npx faultline-config check`.',
    `# Generated from packages/config/src/schema.ts by \`${GENERATE_COMMAND}\`; do not edit.`,
  ];
  let group = '';
  for (const definition of VARIABLES) {
    if (groupOf(definition) !== group) {
      group = groupOf(definition);
      lines.push('', `# --- ${group} ---`);
    }
    const fallback = defaultText(definition, (text) => text);
    const notes = [
      definition.secret ? 'Secret.' : '',
      fallback === undefined ? '' : `Default: ${fallback}.`,
      `Example: ${definition.example}`,
    ].filter(Boolean);
    lines.push('', ...wrap(definition.description, 96).map((line) => `# ${line}`), `# ${notes.join(' ')}`);
    lines.push(`${definition.name}=`);
  }
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

function width(text: string): number {
  return [...text].length;
}

/** The Markdown table of every variable, as the README shows it between the `env` markers. */
export function renderDocsTable(): string {
  const header = ['variable', 'config', 'default', 'example', 'meaning'];
  const rows = VARIABLES.map((definition) => [
    `\`${definition.name}\`${definition.secret ? ' (secret)' : ''}`,
    `\`${definition.path}\``,
    defaultText(definition, (text) => `\`${text}\``) ?? '—',
    `\`${definition.example}\``,
    definition.description,
  ]).map((row) => row.map(cell));
  const widths = header.map((title, column) =>
    Math.max(width(title), ...rows.map((row) => width(row[column]!))),
  );
  const line = (row: readonly string[]) =>
    `| ${row.map((text, column) => text + ' '.repeat(widths[column]! - width(text))).join(' | ')} |`;
  return [line(header), line(widths.map((size) => '-'.repeat(size))), ...rows.map(line)].join('\n');
}

/** `readme` with the text between the `env` markers replaced by the current table. */
export function withDocsTable(readme: string): string {
  const start = readme.indexOf(DOCS_MARKERS.start);
  const end = readme.indexOf(DOCS_MARKERS.end);
  if (start === -1 || end < start)
    throw new Error(`README.md lacks the ${DOCS_MARKERS.start} … ${DOCS_MARKERS.end} markers`);
  return `${readme.slice(0, start + DOCS_MARKERS.start.length)}\n\n${renderDocsTable()}\n\n${readme.slice(end)}`;
}
