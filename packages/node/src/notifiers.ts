import type { Notifier } from '@faultline/alerts';
import type { AlertsConfig } from '@faultline/config';
import { EmailNotifier } from '@faultline/notify-email';
import { SlackNotifier } from '@faultline/notify-slack';
import { type LogLine, messageOf } from './log.js';

/** The Slack and email notifiers the config turns on; delivery failures become one log line each. */
export function notifiersFrom(alerts: AlertsConfig, log: LogLine): Notifier[] {
  const notifiers: Notifier[] = [];
  const { slack, email } = alerts;
  if (slack.enabled && slack.webhookUrl !== undefined)
    notifiers.push(
      new SlackNotifier({
        webhookUrl: slack.webhookUrl,
        ...(slack.channel === undefined ? {} : { channel: slack.channel }),
        onError: (error) => log(`Slack alert not delivered: ${messageOf(error)}`),
      }),
    );
  if (email.enabled && email.smtpUrl !== undefined)
    notifiers.push(
      new EmailNotifier({
        smtpUrl: email.smtpUrl,
        from: email.from ?? `Faultline <alerts@${new URL(email.smtpUrl).hostname}>`,
        to: email.recipients,
        onError: (error) => log(`alert email not delivered: ${messageOf(error)}`),
      }),
    );
  return notifiers;
}
