import { ConflictException, Injectable } from '@nestjs/common';
import { AuditService, Principal } from '@careloop/security';
import { ListManagersQueryDto } from './dto/list-managers-query.dto';
import { ManagerView, toManagerView } from './dto/manager-view.dto';
import { PutManagerDto } from './dto/put-manager.dto';
import { ManagersRepository } from './managers.repository';

@Injectable()
export class ManagersService {
  constructor(
    private readonly repository: ManagersRepository,
    private readonly audit: AuditService,
  ) {}

  async put(principal: Principal, managerId: string, dto: PutManagerDto): Promise<ManagerView> {
    const outcome = await this.repository.upsert(principal.tenantId, managerId, dto);
    if (outcome === 'role-change-with-open-cases') {
      throw new ConflictException('A manager with open cases cannot change role; reassign the cases first');
    }
    await this.audit.record({ action: 'update', resourceType: 'Manager', resourceId: managerId });
    const saved = await this.repository.find(principal.tenantId, managerId);
    if (!saved) throw new ConflictException('The manager was changed concurrently; retry');
    return toManagerView(saved);
  }

  async list(principal: Principal, query: ListManagersQueryDto): Promise<ManagerView[]> {
    const managers = await this.repository.list(principal.tenantId, query);
    return managers.map(toManagerView);
  }
}
