import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Roles } from '@careloop/contracts';
import { CurrentPrincipal, Principal, Roles as AllowRoles } from '@careloop/security';
import { ListNotificationsQueryDto, NotificationIdParamsDto } from './dto/list-notifications.query.dto';
import { NotificationPageDto, NotificationViewDto } from './dto/notification-view.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer token' })
@ApiForbiddenResponse({ description: 'Admins and supervisors only' })
@Controller('notifications')
export class NotificationsHttpController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @AllowRoles(Roles.Admin, Roles.Supervisor)
  @ApiOperation({ summary: 'Notifications of the tenant with every delivery attempt, newest first' })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiBadRequestResponse({ description: 'Invalid query: `fields` lists each field path with its messages' })
  search(@CurrentPrincipal() principal: Principal, @Query() query: ListNotificationsQueryDto): Promise<NotificationPageDto> {
    return this.notifications.search(principal, query);
  }

  @Get(':id')
  @AllowRoles(Roles.Admin, Roles.Supervisor)
  @ApiOperation({ summary: 'One notification with every delivery attempt' })
  @ApiOkResponse({ type: NotificationViewDto })
  @ApiNotFoundResponse({ description: "No such notification in the caller's tenant" })
  get(@CurrentPrincipal() principal: Principal, @Param() params: NotificationIdParamsDto): Promise<NotificationViewDto> {
    return this.notifications.get(principal, params.id);
  }
}
