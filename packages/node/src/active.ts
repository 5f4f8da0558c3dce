import { createScrubber, type Scrubber } from '@faultline/scrub';

let active: Scrubber | null | undefined;

/** Makes `scrubber` the one `ErrorTracker` uses; `null` when scrubbing is switched off (`init()` calls this). */
export function setActiveScrubber(scrubber: Scrubber | null): void {
  active = scrubber;
}

/** The scrubber of the last `init()`, `null` when it switched scrubbing off, or a default one. */
export function activeScrubber(): Scrubber | null {
  if (active === undefined) active = createScrubber();
  return active;
}
