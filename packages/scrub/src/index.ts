export { DETECTOR_NAMES } from './detectors/index.js';
export { ScrubOptionsError } from './errors.js';
export { type ScrubIntegrationOptions, scrubIntegration } from './integration.js';
export { createPseudonymizer } from './pseudonym.js';
export { createScrubber } from './scrubber.js';
export type { DetectorName, FailureMode, Finding, Scrubber, ScrubOptions, ValuePattern } from './types.js';
