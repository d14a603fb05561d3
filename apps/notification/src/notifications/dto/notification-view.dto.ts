import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, RECIPIENT_KINDS } from '@careloop/contracts';
import { ATTEMPT_OUTCOMES, NOTIFICATION_STATUSES, Notification } from '../schemas/notification.schema';

export class DeliveryAttemptDto {
  @ApiProperty() attempt!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: string;
  @ApiProperty({ enum: ATTEMPT_OUTCOMES }) outcome!: string;
  @ApiPropertyOptional({ example: 'http-500', description: 'smtp-<code>, http-<status>, timeout, network, or a refusal code' })
  failure?: string;
  @ApiPropertyOptional({ description: 'Whether the failure was followed by another attempt' }) retried?: boolean;
  @ApiProperty() durationMs!: number;
}

/** A notification without its content: ids, routing, state and attempts (the message itself stays in the service). */
export class NotificationViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() sourceEventId!: string;
  @ApiProperty() sourceEventType!: string;
  @ApiPropertyOptional() clientId?: string;
  @ApiProperty({ enum: RECIPIENT_KINDS }) recipientKind!: string;
  @ApiProperty({ description: 'User, client or subscription id; never an address' }) recipientRef!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: string;
  @ApiPropertyOptional({ enum: CHANNELS }) fallbackChannel?: string;
  @ApiProperty() templateKey!: string;
  @ApiProperty() language!: string;
  @ApiProperty() urgent!: boolean;
  @ApiProperty({ enum: NOTIFICATION_STATUSES }) status!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Held until then (quiet hours)' }) notBefore?: string;
  @ApiPropertyOptional({ format: 'date-time' }) nextAttemptAt?: string;
  @ApiPropertyOptional({ enum: ['not-retryable', 'retries-exhausted'] }) finalReason?: string;
  @ApiProperty({ type: [DeliveryAttemptDto] }) attempts!: DeliveryAttemptDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationViewDto] }) items!: NotificationViewDto[];
  @ApiProperty() page!: number;
  @ApiProperty() perPage!: number;
  @ApiProperty() total!: number;
}

const iso = (d: Date | null | undefined): string | undefined => (d ? new Date(d).toISOString() : undefined);

export function toNotificationView(n: Notification): NotificationViewDto {
  return {
    id: n._id,
    sourceEventId: n.sourceEventId,
    sourceEventType: n.sourceEventType,
    ...(n.clientId ? { clientId: n.clientId } : {}),
    recipientKind: n.recipientKind,
    recipientRef: n.recipientRef,
    channel: n.channel,
    ...(n.fallbackChannel ? { fallbackChannel: n.fallbackChannel } : {}),
    templateKey: n.templateKey,
    language: n.language,
    urgent: n.urgent,
    status: n.status,
    ...(n.notBefore ? { notBefore: iso(n.notBefore) } : {}),
    ...(n.nextAttemptAt ? { nextAttemptAt: iso(n.nextAttemptAt) } : {}),
    ...(n.finalReason ? { finalReason: n.finalReason } : {}),
    attempts: (n.attempts ?? []).map((a) => ({
      attempt: a.attempt,
      at: new Date(a.at).toISOString(),
      channel: a.channel,
      outcome: a.outcome,
      ...(a.failure ? { failure: a.failure } : {}),
      ...(a.retried !== undefined ? { retried: a.retried } : {}),
      durationMs: a.durationMs,
    })),
    createdAt: iso(n.createdAt) ?? new Date(0).toISOString(),
    updatedAt: iso(n.updatedAt) ?? new Date(0).toISOString(),
  };
}
