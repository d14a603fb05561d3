import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Roles } from '@careloop/contracts';
import { CurrentPrincipal, Principal, Roles as AllowRoles } from '@careloop/security';
import { ParseIdPipe } from '../common/identifiers';
import { ListManagersQueryDto } from './dto/list-managers-query.dto';
import { ManagerView } from './dto/manager-view.dto';
import { PutManagerDto } from './dto/put-manager.dto';
import { ManagersService } from './managers.service';

@ApiTags('managers')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer token' })
@ApiForbiddenResponse({ description: 'The caller lacks the role' })
@Controller('managers')
export class ManagersHttpController {
  constructor(private readonly managers: ManagersService) {}

  @Put(':managerId')
  @AllowRoles(Roles.Supervisor, Roles.Admin)
  @ApiOperation({ summary: 'Add or change a manager of the routing roster (managerId is the user id)' })
  @ApiOkResponse({ type: ManagerView })
  @ApiBadRequestResponse({ description: 'Field-level validation errors' })
  @ApiConflictResponse({ description: 'Role change refused while the manager holds open cases' })
  put(
    @CurrentPrincipal() principal: Principal,
    @Param('managerId', ParseIdPipe) managerId: string,
    @Body() dto: PutManagerDto,
  ): Promise<ManagerView> {
    return this.managers.put(principal, managerId, dto);
  }

  @Get()
  @AllowRoles(Roles.Supervisor, Roles.Admin, Roles.CareManager, Roles.CaseManager)
  @ApiOperation({ summary: "The roster with each manager's open-case count" })
  @ApiOkResponse({ type: [ManagerView] })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListManagersQueryDto): Promise<ManagerView[]> {
    return this.managers.list(principal, query);
  }
}
