import { assertNoSecrets, plantedSecrets, plantedSecretValues } from '@faultline/testkit';
import { describe, expect, it } from 'vitest';
import { checkObservation } from '../src/checks.js';
import type { Observation } from '../src/observation.js';
import { formatReport } from '../src/report.js';
import { buildScenario } from '../src/scenario.js';

const secrets = plantedSecrets();
const { email, cardVisa } = plantedSecretValues(secrets);

/** A run that held, as the server would have described it with real services (no wire to search). */
function heldRun(): Observation {
  const scenario = buildScenario(secrets, 6);
  const expected = scenario.expected.filter((each) => !each.needsRedis);
  return {
    mode: 'real',
    redis: { skipped: 'not in this test' },
    scenario,
    secrets,
    responses: scenario.steps
      .filter((step) => !step.needsRedis)
      .map((step) => ({ step, status: step.expectStatus, body: {} })),
    explanations: expected.flatMap((kind) =>
      Array.from({ length: kind.count }, (_, index) => ({
        eventId: `${kind.label}-${index}`,
        type: kind.type,
        transaction: kind.transaction,
        tags: {},
        fingerprint: kind.fingerprint,
        rule: kind.fingerprint?.[0],
        steps: [],
      })),
    ),
    failedJobs: [],
    serverExitCode: 0,
    wire: undefined,
    slackPosts: [],
    mails: [],
  };
}

describe('checkObservation', () => {
  it('passes a run that held', () => {
    expect(checkObservation(heldRun())).toEqual([]);
  });

  it('fails a run whose Slack message carries a planted secret, naming the secret but not its value', () => {
    const run = heldRun();
    run.slackPosts = [{ path: '/services/T/B/X', raw: `{"text":"declined for ${email}"}`, body: undefined }];
    const failures = checkObservation(run);
    expect(failures).toEqual(['secret email (ja…) found as-is at slack[0].raw']);
    const report = formatReport({ ...run, ok: false, failures, destinations: [] });
    expect(report).toContain('FAIL (1):');
    expect(report).toContain('secret email (ja…)');
    assertNoSecrets(report, secrets);
  });

  it('finds a secret that only the decoded email shows (quoted-printable, a soft line break inside)', () => {
    const run = heldRun();
    const [head = '', tail = ''] = [cardVisa!.slice(0, 10), cardVisa!.slice(10)];
    const raw = [
      'Subject: alert',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      `Card ${head}=\r\n${tail} declined`,
    ].join('\r\n');
    run.mails = [{ from: 'alerts@example.com', to: ['oncall@example.com'], raw }];
    expect(checkObservation(run)).toEqual([
      expect.stringMatching(/^secret cardVisa \(45…\) found .* at email\[0\]\.text$/),
    ]);
  });

  it('names a leaked CVV without showing any of its digits', () => {
    const run = heldRun();
    run.slackPosts = [{ path: '/services/T/B/X', raw: '{"text":"declined: cvv=737"}', body: undefined }];
    expect(checkObservation(run)).toEqual(['secret cvv (…) found keyed at slack[0].raw']);
  });

  it('fails a wrong fingerprint, a wrong answer and a server that did not exit cleanly', () => {
    const run = heldRun();
    run.explanations[0] = {
      ...run.explanations[0]!,
      fingerprint: ['database', 'postgres', 'SELECT', '23505'],
    };
    run.responses[1] = { ...run.responses[1]!, status: 500 };
    run.serverExitCode = 1;
    expect(checkObservation(run)).toEqual([
      'admin reports (wrong token): answered 500, expected 401',
      'the server exited with 1',
      'database: fingerprint [database, postgres, SELECT, 23505], expected [database, postgres, INSERT, 23505]',
    ]);
  });

  it('fails when a planted secret was never sent to the app (a "not found" would prove nothing)', () => {
    const run = heldRun();
    run.secrets = [...secrets, { name: 'unused', kind: 'key', value: 'never-sent-4f9a2c', text: '' }];
    expect(checkObservation(run)).toEqual(['secret unused was never sent to the app']);
  });
});
