import { Body, Controller, Get, Param, Put } from '@nestjs/common';
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
import { PutRecipientDto, UserIdParamsDto } from './dto/put-recipient.dto';
import { RecipientViewDto } from './dto/recipient-view.dto';
import { RecipientsService } from './recipients.service';

// Care-team users may reach this route; the service then lets them touch only their own preferences.
const CARE_TEAM = [Roles.CareManager, Roles.CaseManager, Roles.Provider, Roles.Supervisor, Roles.Admin];

@ApiTags('recipients')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer token' })
@ApiForbiddenResponse({ description: 'Not a care-team role, or another user than the caller without supervisor or admin role' })
@Controller('recipients')
export class RecipientsHttpController {
  constructor(private readonly recipients: RecipientsService) {}

  @Put(':userId')
  @AllowRoles(...CARE_TEAM)
  @ApiOperation({
    summary: "Set a care-team user's notification addresses, preferred channel, language and quiet hours",
    description: 'Supervisors and admins may set anyone; other users only themselves (token subject = userId).',
  })
  @ApiOkResponse({ type: RecipientViewDto })
  @ApiBadRequestResponse({ description: 'Invalid body: `fields` lists each field path with its messages' })
  put(
    @CurrentPrincipal() principal: Principal,
    @Param() params: UserIdParamsDto,
    @Body() dto: PutRecipientDto,
  ): Promise<RecipientViewDto> {
    return this.recipients.put(principal, params.userId, dto);
  }

  @Get(':userId')
  @AllowRoles(...CARE_TEAM)
  @ApiOperation({ summary: "A care-team user's notification preferences" })
  @ApiOkResponse({ type: RecipientViewDto })
  @ApiNotFoundResponse({ description: 'No preferences stored for this user' })
  get(@CurrentPrincipal() principal: Principal, @Param() params: UserIdParamsDto): Promise<RecipientViewDto> {
    return this.recipients.get(principal, params.userId);
  }
}
