import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WebhookSubscriptionRecord } from '../schemas/webhook-subscription.schema';

export class WebhookSubscriptionViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() partnerId!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: [String] }) eventTypes!: string[];
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) secretRotatedAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Until then deliveries carry a signature with the previous secret too' })
  previousSecretValidUntil?: string;
}

export class WebhookSubscriptionWithSecretDto extends WebhookSubscriptionViewDto {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'Shown once: store it now' })
  secret!: string;
}

export function toSubscriptionView(s: WebhookSubscriptionRecord): WebhookSubscriptionViewDto {
  return {
    id: s._id,
    partnerId: s.partnerId,
    url: s.url,
    eventTypes: [...s.eventTypes],
    active: s.active,
    createdAt: new Date(s.createdAt ?? Date.now()).toISOString(),
    ...(s.secretRotatedAt ? { secretRotatedAt: new Date(s.secretRotatedAt).toISOString() } : {}),
    ...(s.previousSecretValidUntil ? { previousSecretValidUntil: new Date(s.previousSecretValidUntil).toISOString() } : {}),
  };
}
