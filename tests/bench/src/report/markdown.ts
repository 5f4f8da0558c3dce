/** A table of the report: a header row and rows of cells, all text. */
export interface Table {
  caption?: string;
  headers: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
}

/** One part's section of docs/BENCHMARKS.md. */
export interface Section {
  title: string;
  /** Paragraphs before the tables. */
  text: readonly string[];
  tables: readonly Table[];
  /** Paragraphs after the tables. */
  notes?: readonly string[];
}

/** One line of the targets table; `met` undefined when it could not be measured. */
export interface Target {
  target: string;
  measured: string;
  met: boolean | undefined;
}

/** What each part of the run hands to the report. */
export interface PartResult {
  sections: Section[];
  targets: Target[];
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** A GitHub-flavoured markdown table, columns padded so that the source reads as a table too. */
export function renderTable(table: Table): string {
  const all = [table.headers, ...table.rows].map((row) => row.map(cell));
  const widths = table.headers.map((_, column) => Math.max(3, ...all.map((row) => row[column]?.length ?? 0)));
  const line = (row: readonly string[]) =>
    `| ${widths.map((width, column) => (row[column] ?? '').padEnd(width)).join(' | ')} |`;
  const lines = [line(all[0]!), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`];
  for (const row of all.slice(1)) lines.push(line(row));
  return [...(table.caption ? [table.caption, ''] : []), ...lines].join('\n');
}

export function renderSection(section: Section): string {
  return [
    `## ${section.title}`,
    ...section.text,
    ...section.tables.map(renderTable),
    ...(section.notes ?? []),
  ].join('\n\n');
}

export function renderTargets(targets: readonly Target[]): string {
  const met = (value: boolean | undefined) => (value === undefined ? '—' : value ? 'yes' : 'no');
  return renderTable({
    headers: ['target', 'measured', 'met?'],
    rows: targets.map((target) => [target.target, target.measured, met(target.met)]),
  });
}
