import { ConflictException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Roles } from '@careloop/contracts';
import { RequestValidationError } from '@careloop/runtime';
import { AuditService, FORBIDDEN_MESSAGE, Principal } from '@careloop/security';
import { NotificationEnv } from '../config/notification.env';
import { HostResolver, WebhookTargetRefusal, checkWebhookTarget } from '../domain/webhook-url-policy';
import { CreateWebhookSubscriptionDto } from './dto/create-webhook-subscription.dto';
import {
  WebhookSubscriptionViewDto,
  WebhookSubscriptionWithSecretDto,
  toSubscriptionView,
} from './dto/webhook-subscription-view.dto';
import { HOST_RESOLVER } from './host-resolver';
import { WebhookSubscriptionRecord } from './schemas/webhook-subscription.schema';
import { generateWebhookSecret } from './webhook-secret';
import { WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';

const HOUR_MS = 60 * 60 * 1000;

const REFUSAL_MESSAGES: Readonly<Record<WebhookTargetRefusal, string>> = {
  'invalid-url': 'url must be an absolute URL',
  'unsupported-scheme': 'url must use https',
  'https-required': 'url must use https',
  'credentials-in-url': 'url must not carry credentials (deliveries are signed instead)',
  'forbidden-hostname': 'url must not name a local host',
  'forbidden-address': 'url must resolve to public addresses only',
  'unresolvable-host': 'url host does not resolve',
};

@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    private readonly repository: WebhookSubscriptionsRepository,
    private readonly audit: AuditService,
    private readonly env: NotificationEnv,
    @Inject(HOST_RESOLVER) private readonly resolve: HostResolver,
  ) {}

  async create(principal: Principal, dto: CreateWebhookSubscriptionDto): Promise<WebhookSubscriptionWithSecretDto> {
    const partnerId = this.partnerToSubscribe(principal, dto.partnerId);
    const check = await checkWebhookTarget(dto.url, { allowPrivate: this.env.WEBHOOK_ALLOW_PRIVATE_TARGETS, resolve: this.resolve });
    if (!check.ok) throw new RequestValidationError([{ field: 'url', messages: [REFUSAL_MESSAGES[check.reason]] }]);
    const secret = generateWebhookSecret();
    const record: WebhookSubscriptionRecord = {
      _id: randomUUID(),
      tenantId: principal.tenantId,
      partnerId,
      url: check.url,
      eventTypes: [...new Set(dto.eventTypes)],
      secret,
      active: true,
      createdBy: principal.subject,
      version: 1,
      createdAt: new Date(),
    };
    await this.repository.insert(record);
    await this.audit.record({ action: 'create', resourceType: 'WebhookSubscription', resourceId: record._id });
    return { ...toSubscriptionView(record), secret };
  }

  async list(principal: Principal, partnerIdFilter: string | undefined): Promise<WebhookSubscriptionViewDto[]> {
    const scope = this.scopeOf(principal) ?? partnerIdFilter;
    const found = await this.repository.list(principal.tenantId, scope);
    return found.map(toSubscriptionView);
  }

  async rotateSecret(principal: Principal, id: string): Promise<WebhookSubscriptionWithSecretDto> {
    const current = await this.findInScope(principal, id);
    if (!current.active) throw new ConflictException('The subscription is inactive');
    const now = new Date();
    const secret = generateWebhookSecret();
    const previousValidUntil = new Date(now.getTime() + this.env.WEBHOOK_SECRET_GRACE_HOURS * HOUR_MS);
    const rotated = await this.repository.rotateSecret(principal.tenantId, id, current.version, secret, previousValidUntil, now);
    if (!rotated) throw new ConflictException('The subscription was changed concurrently; read it again and retry');
    await this.audit.record({ action: 'update', resourceType: 'WebhookSubscription', resourceId: id, reason: 'secret-rotation' });
    const view = toSubscriptionView({
      ...current,
      secretRotatedAt: now,
      previousSecretValidUntil: previousValidUntil,
    });
    return { ...view, secret };
  }

  async deactivate(principal: Principal, id: string): Promise<void> {
    const current = await this.findInScope(principal, id);
    if (current.active) await this.repository.deactivate(principal.tenantId, id, new Date());
    await this.audit.record({ action: 'delete', resourceType: 'WebhookSubscription', resourceId: id });
  }

  private async findInScope(principal: Principal, id: string): Promise<WebhookSubscriptionRecord> {
    const found = await this.repository.find(principal.tenantId, id, this.scopeOf(principal));
    // Another partner's subscription is indistinguishable from a missing one.
    if (!found) throw new NotFoundException('Subscription not found');
    return found;
  }

  /** The partner whose subscriptions the caller may see, or undefined for a tenant admin (all of them). */
  private scopeOf(principal: Principal): string | undefined {
    if (principal.roles.includes(Roles.Admin)) return undefined;
    if (!principal.partnerId) throw new ForbiddenException(FORBIDDEN_MESSAGE);
    return principal.partnerId;
  }

  private partnerToSubscribe(principal: Principal, requested: string | undefined): string {
    if (principal.roles.includes(Roles.Admin)) {
      const partnerId = requested ?? principal.partnerId;
      if (!partnerId) throw new RequestValidationError([{ field: 'partnerId', messages: ['partnerId is required for an admin'] }]);
      return partnerId;
    }
    // A partner subscribes itself only, whatever the body says.
    if (!principal.partnerId || (requested !== undefined && requested !== principal.partnerId)) {
      throw new ForbiddenException(FORBIDDEN_MESSAGE);
    }
    return principal.partnerId;
  }
}
