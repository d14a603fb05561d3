import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PARTNER_SHAREABLE_EVENT_TYPES } from '../../domain/partner-payload';

export class CreateWebhookSubscriptionDto {
  @ApiProperty({ example: 'https://hooks.partner.example/careloop', description: 'https; public addresses only' })
  @IsString()
  @MaxLength(2048)
  url!: string;

  @ApiProperty({ type: [String], enum: PARTNER_SHAREABLE_EVENT_TYPES, description: 'CloudEvents types to receive' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PARTNER_SHAREABLE_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(PARTNER_SHAREABLE_EVENT_TYPES, { each: true, message: 'each value in eventTypes must be a partner-shareable event type' })
  eventTypes!: string[];

  @ApiPropertyOptional({ description: "Admins only: the partner to subscribe (partners always subscribe themselves)" })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: 'partnerId must be an identifier' })
  partnerId?: string;
}

export class ListWebhookSubscriptionsQueryDto {
  @ApiPropertyOptional({ description: "Admins only: one partner's subscriptions" })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: 'partnerId must be an identifier' })
  partnerId?: string;
}

export class SubscriptionIdParamsDto {
  @ApiProperty({ format: 'uuid' })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: 'id must be a UUID' })
  id!: string;
}
