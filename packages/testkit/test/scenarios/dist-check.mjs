// Copied next to a node_modules that holds the built package: the ESM entry starts a receiver.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createTestTransport, startLoopbackReceiver } from '@faultline/testkit';

createRequire(import.meta.url)('./dist-check-body.cjs')({
  createTestTransport,
  startLoopbackReceiver,
  readFileSync,
});
