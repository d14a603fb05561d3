import { Roles as RoleNames } from '@careloop/contracts';
import { Controller, Get, Query, ValidationPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { AuditService } from './audit.service';
import { AuditPageDto } from './dto/audit-page.dto';
import { AuditQueryDto } from './dto/audit-query.dto';

// Own pipe so the query is validated and defaulted even if the app's global pipe differs.
const queryPipe = new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true });

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditHttpController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles(RoleNames.Admin)
  @ApiOperation({ summary: "Search the audit trail of the caller's tenant, newest first" })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiUnauthorizedResponse()
  @ApiForbiddenResponse({ description: 'Admins only' })
  async search(@Query(queryPipe) query: AuditQueryDto, @CurrentPrincipal() principal: Principal): Promise<AuditPageDto> {
    // Reading the trail is itself recorded: who reviewed whose history matters too.
    await this.audit.record({ action: 'search', resourceType: 'audit-event', resourceId: '*', clientId: query.clientId });
    return this.audit.search(principal.tenantId, {
      clientId: query.clientId,
      resourceType: query.resourceType,
      resourceId: query.resourceId,
      actor: query.actor,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      page: query.page,
      perPage: query.perPage,
    });
  }
}
