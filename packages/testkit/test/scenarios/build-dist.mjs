// Builds the package with the shared tsup config (no declarations) into the directory given as
// the first argument. Run with the package as the working directory.
import { build } from 'tsup';

await build({ config: '../../tsup.config.ts', outDir: process.argv[2], dts: false, silent: true });
