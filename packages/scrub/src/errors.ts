/** Thrown by `createScrubber` for an option it cannot use. `option` names it, e.g. `patterns[2]`. */
export class ScrubOptionsError extends TypeError {
  override readonly name = 'ScrubOptionsError';
  constructor(
    readonly option: string,
    problem: string,
    fix: string,
  ) {
    super(`Invalid scrub option \`${option}\`: ${problem}. ${fix}`);
  }
}
