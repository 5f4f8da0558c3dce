import { describe, expect, it } from 'vitest';
import { createScrubber, DETECTOR_NAMES, type DetectorName, type Finding } from '../src/index.js';

const F = '[Filtered]';

/** A positive case: `secrets` must all be gone from the output, `kept` must all still be there. */
interface Positive {
  text: string;
  secrets: string[];
  kept?: string[];
  /** The rules either of which may report it; defaults to the detector under test. */
  rule?: string[];
}

const PEM_BODY = 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun';
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

const card = (text: string, kept: string[] = []): Positive => ({
  text: `declined ${text} today`,
  secrets: [text],
  kept,
});
const token = (value: string): Positive => ({
  text: `using ${value} for deploys`,
  secrets: [value],
  kept: ['using '],
});

const POSITIVES: Record<DetectorName, Positive[]> = {
  'private-key': [
    {
      text: `key: -----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}\n-----END RSA PRIVATE KEY----- loaded`,
      secrets: [PEM_BODY],
      kept: ['loaded'],
    },
    { text: `-----BEGIN PRIVATE KEY-----\n${PEM_BODY}\n${PEM_BODY.slice(0, 20)}`, secrets: [PEM_BODY] }, // cut off
    {
      text: `-----BEGIN OPENSSH PRIVATE KEY-----\\n${PEM_BODY}\\n-----END OPENSSH PRIVATE KEY-----\\n`,
      secrets: [PEM_BODY],
    },
    {
      text: `-----BEGIN ENCRYPTED PRIVATE KEY-----\n${PEM_BODY}\n-----END ENCRYPTED PRIVATE KEY-----`,
      secrets: [PEM_BODY],
    },
    {
      text: `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${PEM_BODY}\n-----END PGP PRIVATE KEY BLOCK-----`,
      secrets: [PEM_BODY],
    },
  ],
  'url-credentials': [
    {
      text: 'connect postgres://app:s3cr3tDbPass@db.internal:5432/app',
      secrets: ['s3cr3tDbPass'],
      kept: ['@db.internal:5432/app'],
    },
    {
      text: 'redis://:p4ssw0rd-redis@cache:6379/0',
      secrets: ['p4ssw0rd-redis'],
      kept: ['redis://:', '@cache:6379/0'],
    },
    {
      text: 'mysql://root:p@ss@w0rd@db/app',
      secrets: ['p@ss@w0rd', 'ss@w0rd'],
      kept: ['mysql://root:', '@db/app'],
    },
    { text: 'postgres://user:p%40ss%3Aw0rd@host/db', secrets: ['p%40ss%3Aw0rd'], kept: ['@host/db'] },
    { text: 'mongodb+srv://admin:hunter2-Atlas@cluster0.ab1cd.mongodb.net/test', secrets: ['hunter2-Atlas'] },
    { text: 'amqp://guest:Gu3stPass@rabbit:5672/', secrets: ['Gu3stPass'], kept: ['amqp://guest:'] },
    { text: 'clone https://8f2a9c0e1b7d4f6a9b3c@git.example.com/x.git', secrets: ['8f2a9c0e1b7d4f6a9b3c'] },
  ],
  'webhook-url': [
    {
      text: 'POST https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX failed',
      secrets: ['T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'XXXXXXXXXXXXXXXXXXXXXXXX'],
      kept: ['https://hooks.slack.com/services/', ' failed'],
    },
    {
      text: 'https://discord.com/api/webhooks/123456789012345678/abcdefghijklmnop-QRSTUV',
      secrets: ['abcdefghijklmnop-QRSTUV'],
      kept: ['https://discord.com/api/webhooks/'],
    },
  ],
  'key-value': [
    {
      text: 'login password=hunter2 for admin',
      secrets: ['hunter2'],
      kept: ['login password=', ' for admin'],
    },
    { text: 'api_key: abc123def456', secrets: ['abc123def456'], kept: ['api_key: '] },
    { text: 'PGPASSWORD=s3cr3t psql -h db', secrets: ['s3cr3t'], kept: [' psql -h db'] },
    {
      text: 'username=jane&password=hunter2&remember=1',
      secrets: ['hunter2'],
      kept: ['username=jane&', '&remember=1'],
    },
    {
      text: '/login?user=jane&access_token=xyz123&page=2',
      secrets: ['xyz123'],
      kept: ['/login?user=jane&', '&page=2'],
    },
    {
      text: 'Authorization: Bearer abcdef123456',
      secrets: ['abcdef123456'],
      kept: ['Authorization: Bearer '],
      rule: ['key-value', 'auth-header'],
    },
    { text: 'Cookie: sessionid=a1b2c3d4; theme=dark', secrets: ['a1b2c3d4'], kept: ['theme=dark'] },
    {
      text: "const gatewayToken = 'tok_live_9aF3kQ2mZx';",
      secrets: ['tok_live_9aF3kQ2mZx'],
      kept: ['const gatewayToken = '],
    },
    { text: 'body: {"password":"hunter2","user":"jane"}', secrets: ['hunter2'], kept: ['"user":"jane"'] },
    {
      text: 'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==;EndpointSuffix=core.windows.net',
      secrets: ['Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA'],
      kept: ['AccountName=acct;', ';EndpointSuffix=core.windows.net'],
    },
    {
      text: 'Authorization: Digest username="jane", realm="api", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/x", response="6629fae49393a05397450978507c4ef1"',
      secrets: ['6629fae49393a05397450978507c4ef1', 'dcd98b7102dd2f0e8b11d0f600bfb0c093'],
      rule: ['key-value', 'auth-header'],
    },
    {
      text: 'GET /login?next=%2Fcallback%3Faccess_token%3Dabc123def%26page%3D2', // a query string inside a parameter
      secrets: ['abc123def'],
      kept: ['GET /login?next=%2Fcallback%3F'],
    },
    {
      text: '{"client_secret":"cs_9f8e7d6c","grant_type":"x"}',
      secrets: ['cs_9f8e7d6c'],
      rule: ['key', 'key-value'],
    }, // JSON
    // a JSON log line cut off by truncation (not parseable), holding an escaped JSON body
    {
      text: '{"msg":"request","body":"{\\"password\\":\\"hunter2-Escaped\\"}","more',
      secrets: ['hunter2-Escaped'],
    },
  ],
  'auth-header': [
    {
      text: 'sent Bearer 8f2a9c0e1b7d4f6a9b3c upstream',
      secrets: ['8f2a9c0e1b7d4f6a9b3c'],
      kept: ['sent Bearer ', ' upstream'],
    },
    {
      text: 'header Basic YWRtaW46aHVudGVyMg== rejected',
      secrets: ['YWRtaW46aHVudGVyMg=='],
      kept: ['Basic '],
    },
    { text: 'retried with Token 9f8e7d6c5b4a3210 twice', secrets: ['9f8e7d6c5b4a3210'], kept: [' twice'] },
  ],
  jwt: [
    { text: `session ${JWT} expired`, secrets: [JWT, JWT.split('.')[2]!], kept: ['session ', ' expired'] },
    { text: `/callback#state=1&id=${JWT}`, secrets: [JWT.split('.')[1]!], kept: ['/callback#state=1&id='] },
  ],
  'aws-access-key': [
    { text: 'key AKIAIOSFODNN7EXAMPLE used', secrets: ['AKIAIOSFODNN7EXAMPLE'], kept: ['key ', ' used'] },
    { text: 'temporary ASIAY34FZKBOKMUTVV7A', secrets: ['ASIAY34FZKBOKMUTVV7A'] },
    { text: 'AKIAJQBZRLXWVCMTPYHE', secrets: ['AKIAJQBZRLXWVCMTPYHE'] }, // no digit, nothing around
  ],
  'vendor-token': [
    token('sk_live_4eC39HqLyjWDarjtT1zdp7dc'), // Stripe
    token('sk_test_abcdefghijklmnopqrstuvwx'), // Stripe, no digit
    token('rk_live_51H8xyzABCDEFghijklmnop'),
    token('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'),
    token('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'), // GitHub
    token('ghp_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ'),
    token('github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRS'),
    token('xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx'), // Slack
    token('AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe'), // Google
    token('AIzaSyDaGmWKaJsXZHjGwISLnnamBGewQeabcdX'), // Google, no digit
    token('glpat-Ab12Cd34Ef56Gh78Ij90'), // GitLab
    token('glpat-AbCdEfGhIjKlMnOpQrSt'),
    token('glpat-xJ_bWq3TzKp9LmNvRsYa'),
    token('npm_abcdefghijklmnopqrstuvwxyz0123456789'),
    token('sk-proj-abcdEFGHijklMNOPqrstUVWX1234'), // OpenAI
    token('sk-proj-eX_v5WsqVfKe3OXo4hMmcaVGXv7faoVRG72jiAY2MB1xvczs'),
    token('sk-ant-api03-abcdEFGHijklMNOPqrstUVWX_1234'),
    token('SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ'), // SendGrid
  ],
  card: [
    card('4111 1111 1111 1111'), // Visa
    card('4012-8888-8888-1881'),
    card('4222222222222'), // Visa, 13 digits
    card('5555 5555 5555 4444'), // Mastercard
    card('2223-0031-2200-3222'), // Mastercard 2-series
    card('3782 822463 10005'), // Amex
    card('371449635398431'),
    card('6011 1111 1111 1117'), // Discover
    card('3530 1113 3330 0000'), // JCB
    card('3056 9309 0259 04'), // Diners
    card('6200 0000 0000 0005'), // UnionPay
    card('6212 3456 7890 1265 126'), // UnionPay, 19 digits
    card('6759 6498 2643 8453'), // Maestro
    card('5018 0000 0009'), // Maestro, 12 digits
    { text: 'card: 4111111111111111.', secrets: ['4111111111111111'], kept: ['card: ', '.'] },
    { text: '(5555 5555 5555 4444)', secrets: ['5555 5555 5555 4444'], kept: ['(', ')'] },
    // typed into a search form or a path: the spaces arrive encoded
    {
      text: '/search?q=4539+1488+0343+6467&page=2',
      secrets: ['4539+1488+0343+6467'],
      kept: ['/search?q=', '&page=2'],
    },
    { text: '/cards/4539%201488%200343%206467', secrets: ['4539%201488%200343%206467'], kept: ['/cards/'] },
  ],
  ssn: [
    { text: 'ssn 078-05-1120 on file', secrets: ['078-05-1120'], kept: ['ssn ', ' on file'] },
    { text: 'ssn 123 45 6789 verified', secrets: ['123 45 6789'] },
  ],
  iban: [
    {
      text: 'pay to DE89 3704 0044 0532 0130 00 today',
      secrets: ['DE89 3704 0044 0532 0130 00'],
      kept: [' today'],
    },
    { text: 'DE89370400440532013000', secrets: ['DE89370400440532013000'] },
    { text: 'GB82 WEST 1234 5698 7654 32', secrets: ['GB82 WEST 1234 5698 7654 32'] },
    { text: 'iban FR1420041010050500013M02606', secrets: ['FR1420041010050500013M02606'] },
    { text: 'NL91ABNA0417164300', secrets: ['NL91ABNA0417164300'] },
    { text: 'ES91 2100 0418 4502 0005 1332', secrets: ['ES91 2100 0418 4502 0005 1332'] },
    { text: 'CH9300762011623852957', secrets: ['CH9300762011623852957'] },
    { text: 'BE68 5390 0754 7034', secrets: ['BE68 5390 0754 7034'] },
    { text: 'payout NO9386011117947.', secrets: ['NO9386011117947'] },
  ],
  email: [
    { text: 'mail jane.doe@example.com now', secrets: ['jane.doe@example.com'], kept: ['mail ', ' now'] },
    { text: 'to=jane.doe%40example.com&x=1', secrets: ['jane.doe%40example.com'], kept: ['to=', '&x=1'] },
    { text: 'cc <j.doe+billing@mail.example.co.uk>', secrets: ['j.doe+billing@mail.example.co.uk'] },
    { text: 'JANE.DOE@EXAMPLE.COM', secrets: ['JANE.DOE@EXAMPLE.COM'] },
  ],
  ipv4: [
    { text: 'from 203.0.113.7 blocked', secrets: ['203.0.113.7'], kept: ['from ', ' blocked'] },
    { text: 'connect ECONNREFUSED 10.0.0.5:5432', secrets: ['10.0.0.5'], kept: [':5432'] },
    { text: 'x-forwarded-for 198.51.100.23, 70.41.3.18', secrets: ['198.51.100.23', '70.41.3.18'] },
  ],
  markup: [
    {
      text: '<login><user>jane</user><password>hunter2</password></login>',
      secrets: ['hunter2'],
      kept: ['jane'],
    },
    {
      text: '<ns:ApiKey id="1">k-8c1f0e2d</ns:ApiKey>',
      secrets: ['k-8c1f0e2d'],
      kept: ['<ns:ApiKey id="1">'],
    },
    {
      text: '<Credentials><ClientSecret>s3cr3t-v4lue</ClientSecret></Credentials>',
      secrets: ['s3cr3t-v4lue'],
    },
  ],
  ipv6: [
    { text: 'peer 2001:db8:85a3:0:0:8a2e:370:7334 closed', secrets: ['2001:db8:85a3:0:0:8a2e:370:7334'] },
    { text: 'peer 2001:db8::1 closed', secrets: ['2001:db8::1'], kept: ['peer ', ' closed'] },
    { text: 'fe80::1ff:fe23:4567:890a', secrets: ['fe80::1ff:fe23:4567:890a'] },
    { text: '[2001:db8:1::ab9:c0a8:102]:8080', secrets: ['2001:db8:1::ab9:c0a8:102'], kept: [']:8080'] },
    { text: 'client ::ffff:c000:280', secrets: ['ffff:c000:280'] },
    { text: 'client ::ffff:192.0.2.128', secrets: ['192.0.2.128'], rule: ['ipv6', 'ipv4'] }, // IPv4-mapped
  ],
  'home-directory': [
    { text: 'at /home/jane/app/index.js:10:5', secrets: ['jane'], kept: ['/home/', '/app/index.js:10:5'] },
    { text: 'file:///Users/jdoe/projects/x.ts', secrets: ['jdoe'], kept: ['/projects/x.ts'] },
    { text: 'C:\\Users\\jdoe\\app\\x.js', secrets: ['jdoe'], kept: ['\\app\\x.js'] },
    { text: "EACCES: permission denied, mkdir '/home/jane'", secrets: ['jane'], kept: ["mkdir '/home/"] },
  ],
};

function scrubWithFindings(text: string, options: Parameters<typeof createScrubber>[0] = {}) {
  const findings: Finding[] = [];
  const output = createScrubber({ ...options, onFinding: (finding) => findings.push(finding) }).scrubString(
    text,
  );
  return { output, rules: findings.map((finding) => finding.rule) };
}

describe('detectors', () => {
  it('has positive cases for every built-in detector', () => {
    expect(Object.keys(POSITIVES).sort()).toEqual([...DETECTOR_NAMES].sort());
  });

  describe.each(DETECTOR_NAMES.map((name) => [name, POSITIVES[name]] as const))('%s', (name, cases) => {
    it.each(cases)('filters $text', ({ text, secrets, kept = [], rule = [name] }) => {
      const { output, rules } = scrubWithFindings(text);
      for (const secret of secrets) expect(output).not.toContain(secret);
      for (const part of kept) expect(output).toContain(part);
      expect(output).toContain(F);
      expect(rules.filter((reported) => rule.includes(reported))).not.toEqual([]);
    });
  });

  describe('values that are not strings', () => {
    const scrubber = createScrubber();

    it('keeps the other items of an array when one is filtered', () => {
      const list = ['first', 'mail jane.doe@example.com', 'third', 4, { id: 5 }, 'last'];
      expect(scrubber.scrubValue(list)).toEqual(['first', `mail ${F}`, 'third', 4, { id: 5 }, 'last']);
    });

    it('filters a CVV under its key, whatever its type', () => {
      expect(scrubber.scrubValue({ cvv: '737', card: { cvc: 123, expiry: '12/30' } })).toEqual({
        cvv: F,
        card: { cvc: F, expiry: '12/30' },
      });
    });

    it('filters a card number stored as a number or a BigInt, but not other big numbers', () => {
      expect(
        scrubber.scrubValue({
          a: 4111111111111111,
          b: 5555555555554444n,
          ts: 1796036581810,
          n: 4111111111111112,
        }),
      ).toEqual({ a: F, b: F, ts: 1796036581810, n: 4111111111111112 });
    });
  });
});
