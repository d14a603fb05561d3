import { BaseEnv, EnvBoolean } from '@careloop/observability';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';

// Numbers are converted explicitly: initialised properties carry no type metadata for implicit conversion.
/** What the notification service needs beyond the platform's variables: its channels and its delivery loop. */
export class NotificationEnv extends BaseEnv {
  /** SMTP relay, e.g. `smtp://127.0.0.1:1025` (Mailpit locally) or `smtps://user:pass@relay:465`. */
  @IsDefined({ message: 'is required' })
  @IsString()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL!: string;

  @IsString()
  @MinLength(3)
  SMTP_FROM = 'CareLoop <no-reply@careloop.local>';

  /**
   * Skip STARTTLS (the local Mailpit offers none). Unset: skipped only for a loopback SMTP host, so a relay elsewhere
   * upgrades whenever it can.
   */
  @IsOptional()
  @EnvBoolean()
  @IsBoolean()
  SMTP_IGNORE_TLS?: boolean;

  /** HTTP SMS gateway (POST JSON {to, body}); without it the SMS channel fails over to the fallback channel. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'must be an http(s) URL' })
  SMS_GATEWAY_URL?: string;

  @ValidateIf((env: NotificationEnv) => env.SMS_GATEWAY_URL !== undefined || env.SMS_GATEWAY_TOKEN !== undefined)
  @IsDefined({ message: 'is required when SMS_GATEWAY_URL is set' })
  @IsString()
  @MinLength(8)
  SMS_GATEWAY_TOKEN?: string;

  /** Development and tests only: lets partner webhooks target loopback and private networks (and plain http). */
  @EnvBoolean()
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_TARGETS = false;

  /** How long the previous secret keeps signing deliveries after a rotation. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(720)
  WEBHOOK_SECRET_GRACE_HOURS = 24;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /** Also bounds the SMTP connection, greeting and socket timeouts and the SMS gateway call. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  CHANNEL_TIMEOUT_MS = 10_000;

  /**
   * Replaces the retry policies' base delay (the backoff keeps its shape, scaled): tests use a few hundred
   * milliseconds instead of minutes.
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  NOTIFICATION_RETRY_BASE_DELAY_MS?: number;

  @EnvBoolean()
  @IsBoolean()
  NOTIFICATION_DISPATCH_ENABLED = true;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(60_000)
  NOTIFICATION_DISPATCH_POLL_MS = 1_000;

  /** Longer than any channel can take, so a live dispatcher never loses its lease mid-send. */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  NOTIFICATION_DISPATCH_LEASE_MS = 120_000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  NOTIFICATION_DISPATCH_CONCURRENCY = 4;
}
