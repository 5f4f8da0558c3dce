import { describe, expect, it } from 'vitest';
import { EmailNotifier, EmailNotifierError, type EmailNotifierOptions } from '../src/index.js';

const PASSWORD = 'Pa55-w0rd!sekret';
const VALID: EmailNotifierOptions = {
  smtpUrl: `smtps://alerts:${encodeURIComponent(PASSWORD)}@smtp.example.com:465`,
  from: 'alerts@example.com',
  to: ['oncall@example.com'],
};

function errorOf(options: Partial<EmailNotifierOptions> | Record<string, unknown>): EmailNotifierError {
  try {
    new EmailNotifier({ ...VALID, ...options } as EmailNotifierOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(EmailNotifierError);
    expect(error).toBeInstanceOf(TypeError);
    return error as EmailNotifierError;
  }
  throw new Error('expected the options to be refused');
}

describe('options', () => {
  it('accepts a URL, a mailbox with a name, and one or several recipients', () => {
    expect(new EmailNotifier(VALID).name).toBe('email');
    expect(
      () => new EmailNotifier({ ...VALID, from: 'Faultline Alerts <alerts@example.com>' }),
    ).not.toThrow();
    expect(() => new EmailNotifier({ ...VALID, from: '"Ops, EU" <alerts@example.com>' })).not.toThrow();
    expect(() => new EmailNotifier({ ...VALID, to: 'oncall@example.com' })).not.toThrow();
    expect(
      () => new EmailNotifier({ ...VALID, to: 'a@example.com, "Doe, Jane" <b@example.com>' }),
    ).not.toThrow();
    expect(() => new EmailNotifier({ ...VALID, smtpUrl: 'smtp://127.0.0.1:2525' })).not.toThrow();
    expect(() => new EmailNotifier({ ...VALID, to: ['juergen@bücher.example'] })).not.toThrow();
  });

  it('refuses a URL that is not smtp:// or smtps://, without repeating its password', () => {
    for (const smtpUrl of [
      `https://alerts:${PASSWORD}@smtp.example.com`,
      `smtp//alerts:${PASSWORD}@smtp.example.com`,
      `alerts:${PASSWORD}@smtp.example.com`,
      'smtp://',
      '',
    ]) {
      const error = errorOf({ smtpUrl });
      expect(error.option).toBe('smtpUrl');
      expect(error.message).not.toContain(PASSWORD);
      expect(error.message).toMatch(/smtp:\/\/user:password@host:587/);
    }
    expect(errorOf({ smtpUrl: `https://a:${PASSWORD}@x.test` }).message).toContain('not https://');
  });

  it('needs exactly one of smtpUrl and transport', () => {
    expect(errorOf({ smtpUrl: undefined }).option).toBe('smtpUrl');
    expect(errorOf({ transport: { sendMail: async () => ({}) } }).message).toContain('not both');
    expect(errorOf({ smtpUrl: undefined, transport: {} as never }).option).toBe('transport');
  });

  it('validates the sender and the recipients', () => {
    expect(errorOf({ from: 'alerts' }).option).toBe('from');
    expect(errorOf({ from: 'Alerts <alerts@>' }).option).toBe('from');
    expect(errorOf({ from: 'alerts@example.com\r\nBcc: x@evil.test' }).option).toBe('from');
    expect(errorOf({ to: [] }).option).toBe('to');
    expect(errorOf({ to: '' }).option).toBe('to');
    expect(errorOf({ to: ['ok@example.com', 'not an address'] }).option).toBe('to[1]');
    expect(errorOf({ to: ['ok@example.com', 42] as never }).option).toBe('to[1]');
    expect(errorOf({ to: 'ok@example.com, nope' }).option).toBe('to');
    expect(errorOf({ to: ['a..b@example.com'] }).option).toBe('to[0]');
    expect(errorOf({ to: ['a@-example.com'] }).option).toBe('to[0]');
  });

  it('validates numbers, the backoff, the prefix and onError', () => {
    expect(errorOf({ timeoutMs: 0 }).option).toBe('timeoutMs');
    expect(errorOf({ timeoutMs: Number.NaN }).option).toBe('timeoutMs');
    expect(errorOf({ maxRetries: -1 }).option).toBe('maxRetries');
    expect(errorOf({ maxRetries: 1.5 }).option).toBe('maxRetries');
    expect(errorOf({ maxQueueSize: 0 }).option).toBe('maxQueueSize');
    expect(errorOf({ backoff: { baseMs: -1 } }).option).toBe('backoff.baseMs');
    expect(errorOf({ backoff: { baseMs: 5000, capMs: 1000 } }).option).toBe('backoff.capMs');
    expect(errorOf({ backoff: 5 as never }).option).toBe('backoff');
    expect(errorOf({ subjectPrefix: 5 as never }).option).toBe('subjectPrefix');
    expect(errorOf({ onError: 'log' as never }).option).toBe('onError');
  });

  it('says how to fix the option', () => {
    expect(errorOf({ maxRetries: -1 }).message).toBe(
      'Invalid email notifier option `maxRetries`: must be a number from 0 to 100. Got -1.',
    );
  });
});
