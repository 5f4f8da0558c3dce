/** Thrown by `createFingerprinter` for a rule it cannot use: names the rule, the field and the fix. */
export class FingerprintRuleError extends TypeError {
  override readonly name = 'FingerprintRuleError';
  constructor(
    readonly rule: string,
    readonly field: string,
    problem: string,
    fix: string,
  ) {
    super(`Invalid fingerprint rule ${rule}, \`${field}\`: ${problem}. ${fix}`);
  }
}
