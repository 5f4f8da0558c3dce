import { searchSecrets } from './find-secrets.js';
import type { SecretFinding, Secrets } from './secret-types.js';

function describeFinding({ name, masked, variant, path }: SecretFinding): string {
  return `  ${name} (${masked}) ${variant} at ${path}`;
}

/**
 * Thrown by `assertNoSecrets`. The message lists each finding on its own line with the secret's
 * name and its first two characters; neither the message nor `findings` holds a secret value.
 *
 * @example
 * ```ts
 * try {
 *   assertNoSecrets(kit, plantedSecrets());
 * } catch (error) {
 *   if (error instanceof SecretLeakError) console.table(error.findings);
 *   throw error;
 * }
 * ```
 */
export class SecretLeakError extends Error {
  override readonly name = 'SecretLeakError';
  readonly findings: readonly SecretFinding[];

  constructor(findings: readonly SecretFinding[]) {
    const names = new Set(findings.map((finding) => finding.name));
    super(
      [
        `${names.size} secret(s) reached the wire, at ${findings.length} place(s):`,
        ...findings.map(describeFinding),
      ].join('\n'),
    );
    this.findings = findings;
  }
}

/**
 * Throws a `SecretLeakError` listing every place a secret appears in the haystack; see
 * `findSecrets` for what the haystack and the secrets can be and which variants are searched.
 *
 * @example
 * ```ts
 * const kit = createTestTransport();
 * Sentry.init({ dsn: 'https://public@127.0.0.1/1', transport: kit.transport, integrations: [scrubIntegration()] });
 * for (const secret of plantedSecrets()) Sentry.captureException(new Error(secret.text));
 * await Sentry.flush();
 * assertNoSecrets(kit, plantedSecrets());
 * // SecretLeakError: 1 secret(s) reached the wire, at 1 place(s):
 * //   email (ja…) as-is at envelopes[7].items[0](event).exception.values[0].value
 * ```
 */
export function assertNoSecrets(haystack: unknown, secrets: Secrets): void {
  const findings = searchSecrets(haystack, secrets, 'assertNoSecrets');
  if (findings.length > 0) throw new SecretLeakError(findings);
}
