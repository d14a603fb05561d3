import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Roles } from '@careloop/contracts';
import { CurrentPrincipal, Principal, Roles as AllowRoles } from '@careloop/security';
import {
  CreateWebhookSubscriptionDto,
  ListWebhookSubscriptionsQueryDto,
  SubscriptionIdParamsDto,
} from './dto/create-webhook-subscription.dto';
import { WebhookSubscriptionViewDto, WebhookSubscriptionWithSecretDto } from './dto/webhook-subscription-view.dto';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

@ApiTags('webhook-subscriptions')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer token' })
@ApiForbiddenResponse({ description: 'Neither a partner (with a partner id in its token) nor an admin' })
@Controller('webhook-subscriptions')
export class WebhookSubscriptionsHttpController {
  constructor(private readonly subscriptions: WebhookSubscriptionsService) {}

  @Post()
  @HttpCode(201)
  @AllowRoles(Roles.Partner, Roles.Admin)
  @ApiOperation({
    summary: 'Subscribe a partner endpoint to event types',
    description:
      'Deliveries are thin payloads (ids and statuses) signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, ' +
      '`webhook-signature`). The secret is returned once, in this answer.',
  })
  @ApiCreatedResponse({ type: WebhookSubscriptionWithSecretDto })
  @ApiBadRequestResponse({ description: 'Invalid body, an event type partners may not receive, or a refused URL (`fields`)' })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateWebhookSubscriptionDto): Promise<WebhookSubscriptionWithSecretDto> {
    return this.subscriptions.create(principal, dto);
  }

  @Get()
  @AllowRoles(Roles.Partner, Roles.Admin)
  @ApiOperation({ summary: "The caller's subscriptions (a partner's own; an admin's whole tenant or one partner's)" })
  @ApiOkResponse({ type: [WebhookSubscriptionViewDto] })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListWebhookSubscriptionsQueryDto): Promise<WebhookSubscriptionViewDto[]> {
    return this.subscriptions.list(principal, query.partnerId);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @AllowRoles(Roles.Partner, Roles.Admin)
  @ApiOperation({
    summary: 'Replace the signing secret',
    description: 'The previous secret keeps signing too (a second signature) until `previousSecretValidUntil`.',
  })
  @ApiOkResponse({ type: WebhookSubscriptionWithSecretDto })
  @ApiNotFoundResponse({ description: "No such subscription in the caller's scope" })
  @ApiConflictResponse({ description: 'The subscription is inactive or changed concurrently' })
  rotate(@CurrentPrincipal() principal: Principal, @Param() params: SubscriptionIdParamsDto): Promise<WebhookSubscriptionWithSecretDto> {
    return this.subscriptions.rotateSecret(principal, params.id);
  }

  @Delete(':id')
  @HttpCode(204)
  @AllowRoles(Roles.Partner, Roles.Admin)
  @ApiOperation({ summary: 'Deactivate a subscription (nothing more is delivered to it)' })
  @ApiNoContentResponse({ description: 'Deactivated (or already inactive)' })
  @ApiNotFoundResponse({ description: "No such subscription in the caller's scope" })
  async deactivate(@CurrentPrincipal() principal: Principal, @Param() params: SubscriptionIdParamsDto): Promise<void> {
    await this.subscriptions.deactivate(principal, params.id);
  }
}
