import { Injectable, NotFoundException } from '@nestjs/common';
import { AuditService, Principal } from '@careloop/security';
import { ListNotificationsQueryDto } from './dto/list-notifications.query.dto';
import { NotificationPageDto, NotificationViewDto, toNotificationView } from './dto/notification-view.dto';
import { NotificationsRepository } from './notifications.repository';

@Injectable()
export class NotificationsService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly audit: AuditService,
  ) {}

  async search(principal: Principal, query: ListNotificationsQueryDto): Promise<NotificationPageDto> {
    const { items, total } = await this.repository.search(principal.tenantId, {
      clientId: query.clientId,
      status: query.status,
      page: query.page,
      perPage: query.perPage,
    });
    // Who looked at which client's messages is recorded per client, also for a search across clients.
    const clients = new Set(items.flatMap((n) => (n.clientId ? [n.clientId] : [])));
    if (query.clientId) clients.add(query.clientId);
    await Promise.all(
      [...clients].map((clientId) =>
        this.audit.record({ action: 'search', resourceType: 'Notification', resourceId: '*', clientId }),
      ),
    );
    return { items: items.map(toNotificationView), page: query.page, perPage: query.perPage, total };
  }

  async get(principal: Principal, id: string): Promise<NotificationViewDto> {
    const found = await this.repository.findById(principal.tenantId, id);
    if (!found) throw new NotFoundException('Notification not found');
    await this.audit.record({
      action: 'read',
      resourceType: 'Notification',
      resourceId: id,
      ...(found.clientId ? { clientId: found.clientId } : {}),
    });
    return toNotificationView(found);
  }
}
