// Copied next to a node_modules that holds the built package: the CommonJS entry starts a receiver.
const { readFileSync } = require('node:fs');
const { createTestTransport, startLoopbackReceiver } = require('@faultline/testkit');

require('./dist-check-body.cjs')({ createTestTransport, startLoopbackReceiver, readFileSync });
