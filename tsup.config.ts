import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

/**
 * The one build config every package uses (`tsup --config ../../tsup.config.ts`).
 * Entries come from the package's own `exports` and `bin`: `./dist/x.js` is built from `src/x.ts`.
 */
interface PackageJson {
  exports?: Record<string, { import?: { default?: string } } | string>;
  bin?: Record<string, string>;
}

const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson;

function sourceOf(distPath: string): string {
  return distPath.replace(/^\.\/dist\//, 'src/').replace(/\.(c|m)?js$/, '.ts');
}

const distPaths = [
  ...Object.values(packageJson.exports ?? {}).flatMap((target) =>
    typeof target === 'string' ? [] : [target.import?.default ?? ''],
  ),
  ...Object.values(packageJson.bin ?? {}),
].filter((path) => path.startsWith('./dist/') && path.endsWith('.js'));

export default defineConfig({
  entry: [...new Set(distPaths.map(sourceOf))],
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { customConditions: [] } },
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
  splitting: false,
  treeshake: true,
});
