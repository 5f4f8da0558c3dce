export { assertNoSecrets, SecretLeakError } from './assert-no-secrets.js';
export { findSecrets } from './find-secrets.js';
export { startLoopbackReceiver } from './loopback-receiver.js';
export { plantedSecrets, plantedSecretValues } from './planted-secrets.js';
export type {
  AsyncEnvelopeViews,
  LoopbackReceiver,
  LoopbackReceiverOptions,
  ScriptedResponse,
} from './receiver-types.js';
export type {
  PlantedSecret,
  PlantedSecretKind,
  SecretDefinition,
  SecretFinding,
  Secrets,
  SecretVariant,
} from './secret-types.js';
export { createTestTransport } from './test-transport.js';
export type {
  EnvelopePredicate,
  EnvelopeViews,
  LogItem,
  RecordedEnvelope,
  RecordedItem,
  SpanView,
  TestTransport,
  TestTransportFactory,
  WaitForOptions,
  WireAttribute,
} from './types.js';
