import { copyFileSync, cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastJsonLine, packageDir, runToEnd, scenario } from './support/node-process.js';

// The built package as a user installs it: node_modules/@faultline/testkit with its package.json
// and dist/, next to @sentry/core. Built here with the shared tsup config, without declarations.
// Linux only: the receiver's command line is read from /proc.
describe.runIf(process.platform === 'linux')('the built package', () => {
  let root: string;
  let installed: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'testkit-dist-'));
    installed = join(root, 'node_modules', '@faultline', 'testkit');
    mkdirSync(join(root, 'node_modules', '@sentry'), { recursive: true });
    symlinkSync(
      realpathSync(join(packageDir, 'node_modules', '@sentry', 'core')),
      join(root, 'node_modules', '@sentry', 'core'),
    );
    mkdirSync(installed, { recursive: true });
    copyFileSync(join(packageDir, 'package.json'), join(installed, 'package.json'));
    const built = await runToEnd([scenario('build-dist.mjs'), join(installed, 'dist')]);
    if (built.code !== 0) throw new Error(`the build failed:\n${built.stderr}${built.stdout}`);
    for (const name of ['dist-check.cjs', 'dist-check.mjs', 'dist-check-body.cjs'])
      cpSync(scenario(name), join(root, name));
  }, 60_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(['dist-check.cjs', 'dist-check.mjs'])(
    '%s starts the receiver from dist/receiver-process.js, without tsx',
    async (check) => {
      const report = lastJsonLine<{ commandLine: string[]; messages: string[] }>(
        await runToEnd([join(root, check)], { cwd: root, env: { NODE_OPTIONS: '' } }),
      );
      expect(report.commandLine).toEqual([process.execPath, join(installed, 'dist', 'receiver-process.js')]);
      expect(report.messages).toEqual(['from dist']);
    },
  );
});
