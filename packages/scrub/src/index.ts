export { createScrubber } from './scrubber.js';
export { scrubIntegration, type ScrubIntegrationOptions } from './integration.js';
export { createPseudonymizer } from './pseudonym.js';
export { ScrubOptionsError } from './errors.js';
export { DETECTOR_NAMES } from './detectors/index.js';
export type { DetectorName, FailureMode, Finding, ScrubOptions, Scrubber, ValuePattern } from './types.js';
