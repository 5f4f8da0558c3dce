import { DEFAULT_RULE_NAMES } from '@faultline/fingerprint';
import { DETECTOR_NAMES } from '@faultline/scrub';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_RULE_NAMES, SCRUB_DETECTOR_NAMES } from '../src/index.js';

/**
 * @faultline/config depends on no other Faultline package at run time, so it keeps copies of
 * their names; this checks the copies against the packages' public entries.
 */
describe('names shared with other packages', () => {
  it("SCRUB_DETECTOR_NAMES is @faultline/scrub's DETECTOR_NAMES", () => {
    expect([...SCRUB_DETECTOR_NAMES].sort()).toEqual([...DETECTOR_NAMES].sort());
  });

  it("FINGERPRINT_RULE_NAMES is @faultline/fingerprint's DEFAULT_RULE_NAMES", () => {
    expect([...FINGERPRINT_RULE_NAMES]).toEqual([...DEFAULT_RULE_NAMES]);
  });
});
