import type { Facts } from './facts.js';

/** The outcome of trying one rule on one event. */
export type Verdict =
  | { matched: true; fingerprint: string[]; reason: string }
  | { matched: false; reason: string };

/** A rule the fingerprinter can try: a built-in one or a compiled user rule. */
export interface CompiledRule {
  readonly name: string;
  evaluate(facts: Facts): Verdict;
}

/** Shared settings the built-in rules read. */
export interface RuleContext {
  /** Host → service name for external-service errors. */
  services: Readonly<Record<string, string>>;
}

export const noMatch = (reason: string): Verdict => ({ matched: false, reason });
