import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type ConfigError, loadConfig, renderDocsTable, renderEnvExample, VARIABLES } from '../src/index.js';
import { DOCS_MARKERS, GENERATE_COMMAND, withDocsTable } from '../src/render.js';

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const STALE = `is out of date with src/schema.ts: run \`${GENERATE_COMMAND}\``;

describe('files generated from the schema', () => {
  it('.env.example matches the schema', () => {
    expect(read('.env.example') === renderEnvExample(), `.env.example ${STALE}`).toBe(true);
  });

  it('the README table matches the schema', () => {
    const readme = read('README.md');
    expect(readme).toContain(DOCS_MARKERS.start);
    expect(
      readme.includes(`${DOCS_MARKERS.start}\n\n${renderDocsTable()}\n\n${DOCS_MARKERS.end}`),
      `README.md ${STALE}`,
    ).toBe(true);
    expect(withDocsTable(readme)).toBe(readme);
  });

  it('.env.example lists every variable once and loads as the defaults', () => {
    const example = parseEnv(renderEnvExample()) as Record<string, string>;
    expect(Object.keys(example).sort()).toEqual(VARIABLES.map((definition) => definition.name).sort());
    expect(loadConfig(example)).toEqual(loadConfig({}));
  });

  it('the docs table has a row for every variable, and every variable is documented', () => {
    const rows = renderDocsTable().split('\n').slice(2);
    expect(rows).toHaveLength(VARIABLES.length);
    for (const [index, definition] of VARIABLES.entries()) {
      expect(rows[index]).toContain(`\`${definition.name}\``);
      expect(definition.description.length).toBeGreaterThan(20);
      expect(definition.example).not.toBe('');
    }
  });

  it('the examples, all set at once, are a valid configuration', () => {
    const env = Object.fromEntries(VARIABLES.map((definition) => [definition.name, definition.example]));
    expect(() => loadConfig(env)).not.toThrow();
  });

  it("the README's error example is what loadConfig says", () => {
    let message = '';
    try {
      loadConfig({
        SENTRY_DSN: 'https://abcdef123@o1.ingest.sentry.io/my-project',
        SENTRY_TRACES_SAMPLE_RATE: '1.5',
        SENTRY_SLACK_WEBHOOK_URL: 'http://hooks.slack.com/services/T1/B2/secret',
        SENTRY_ALERT_EMAIL_RECIPIENTS: 'oncall@example.com',
      });
    } catch (error) {
      message = (error as ConfigError).message;
    }
    expect(read('README.md')).toContain(`\`\`\`text\nConfigError: ${message}\n\`\`\``);
  });
});
