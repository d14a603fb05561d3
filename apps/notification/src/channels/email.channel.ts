import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { NotificationEnv } from '../config/notification.env';
import { classifyAddress } from '../domain/ip-ranges';
import { DeliveryFailure } from '../domain/retry-policy';
import { NotificationRecord } from '../notifications/schemas/notification.schema';
import { ContactResolver } from './contact-resolver';
import { ChannelResult, NotificationChannel, refused } from './notification-channel';

/** What a nodemailer error may tell us: codes only (its message can quote the recipient's address). */
interface MailError {
  readonly responseCode?: unknown;
  readonly code?: unknown;
}

export function smtpFailure(err: unknown): DeliveryFailure {
  const e = (typeof err === 'object' && err !== null ? err : {}) as MailError;
  if (typeof e.responseCode === 'number') return { kind: 'smtp', code: e.responseCode };
  if (e.code === 'ETIMEDOUT') return { kind: 'timeout' };
  // Refused before any server saw it (an address nodemailer cannot use): retrying cannot help.
  if (e.code === 'EENVELOPE') return { kind: 'refused', reason: 'invalid-address' };
  return { kind: 'network' };
}

function isLoopbackHost(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || classifyAddress(host) === 'loopback';
}

@Injectable()
export class EmailChannel implements NotificationChannel, OnApplicationShutdown {
  readonly channel = 'email' as const;
  private readonly logger = new Logger(EmailChannel.name);
  private readonly transporter: Transporter;

  constructor(
    private readonly env: NotificationEnv,
    private readonly contacts: ContactResolver,
  ) {
    this.transporter = createTransport({
      url: env.SMTP_URL,
      // The local Mailpit offers no STARTTLS; elsewhere the connection upgrades whenever the relay offers it.
      ignoreTLS: env.SMTP_IGNORE_TLS ?? isLoopbackHost(env.SMTP_URL),
      connectionTimeout: env.CHANNEL_TIMEOUT_MS,
      greetingTimeout: env.CHANNEL_TIMEOUT_MS,
      socketTimeout: env.CHANNEL_TIMEOUT_MS,
    });
  }

  async send(notification: NotificationRecord): Promise<ChannelResult> {
    const content = notification.content;
    if (!content) return refused('no-content');
    const contact = await this.contacts.resolve(notification, 'email');
    if (!contact.ok) return refused(contact.reason);
    try {
      await this.transporter.sendMail({
        from: this.env.SMTP_FROM,
        to: contact.address,
        subject: content.subject,
        text: content.text,
        html: content.html,
        // One Message-ID per notification: a repeated attempt is recognisable as the same message.
        messageId: `<${notification._id}@notification.careloop>`,
        headers: { 'X-Careloop-Notification-Id': notification._id },
      });
      return { ok: true };
    } catch (err) {
      const failure = smtpFailure(err);
      this.logger.warn(`email ${notification._id} not accepted: ${failure.kind}`);
      return { ok: false, failure };
    }
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
