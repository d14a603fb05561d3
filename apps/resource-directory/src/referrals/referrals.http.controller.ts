import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Roles } from '@careloop/contracts';
import { CurrentPrincipal, Principal, Roles as AllowRoles } from '@careloop/security';
import { ReferralIdPipe } from './referral-id.pipe';
import { ChangeReferralStatusDto } from './dto/change-referral-status.dto';
import { ListReferralsQueryDto } from './dto/list-referrals.query.dto';
import { ReferralPageDto, ReferralViewDto } from './dto/referral-view.dto';
import { ReferralsService } from './referrals.service';

const READERS = [Roles.Organization, Roles.CareManager, Roles.CaseManager, Roles.Supervisor, Roles.Provider, Roles.Admin];

@ApiTags('referrals')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer token' })
@Controller('referrals')
export class ReferralsHttpController {
  constructor(private readonly referrals: ReferralsService) {}

  @Get()
  @AllowRoles(...READERS)
  @ApiOperation({
    summary: 'Outbound referrals, newest first',
    description:
      "Organization users see only referrals sent to their organization, minimum necessary. Care-manager, case-manager and provider " +
      'list one client at a time (clientId); supervisor and admin may list the tenant.',
  })
  @ApiOkResponse({ type: ReferralPageDto })
  @ApiBadRequestResponse({ description: 'Invalid query (or clientId missing for a role that needs it)' })
  @ApiForbiddenResponse({ description: 'The caller has none of the allowed roles, or an organization user without an organization' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListReferralsQueryDto): Promise<ReferralPageDto> {
    return this.referrals.list(principal, query);
  }

  @Get(':referralId')
  @AllowRoles(...READERS)
  @ApiOperation({ summary: 'One referral, as the caller may see it' })
  @ApiParam({ name: 'referralId', description: 'The referralId of ReferralMade' })
  @ApiOkResponse({ type: ReferralViewDto })
  @ApiNotFoundResponse({ description: "No such referral in the caller's tenant (or not sent to the caller's organization)" })
  @ApiForbiddenResponse({ description: 'The caller has none of the allowed roles' })
  get(@CurrentPrincipal() principal: Principal, @Param('referralId', ReferralIdPipe) referralId: string): Promise<ReferralViewDto> {
    return this.referrals.get(principal, referralId);
  }

  @Patch(':referralId/status')
  @AllowRoles(Roles.Organization, Roles.CareManager, Roles.CaseManager, Roles.Admin)
  @ApiOperation({
    summary: 'Move a referral along the closed loop',
    description:
      'The receiving organization accepts, rejects, starts, pauses, fails or completes (with an outcome); the care team ' +
      'cancels or marks entered-in-error. Emits ReferralStatusChanged.',
  })
  @ApiParam({ name: 'referralId', description: 'The referralId of ReferralMade' })
  @ApiOkResponse({ type: ReferralViewDto, description: 'The referral after the change' })
  @ApiBadRequestResponse({ description: 'Invalid body, or outcome / statusReason missing or not fitting the status (per field)' })
  @ApiForbiddenResponse({ description: 'The caller may not set this status (the other side sets it)' })
  @ApiNotFoundResponse({ description: "No such referral in the caller's tenant (or not sent to the caller's organization)" })
  @ApiConflictResponse({ description: 'The lifecycle does not allow this move from the current status, or the referral changed meanwhile' })
  changeStatus(
    @CurrentPrincipal() principal: Principal,
    @Param('referralId', ReferralIdPipe) referralId: string,
    @Body() dto: ChangeReferralStatusDto,
  ): Promise<ReferralViewDto> {
    return this.referrals.changeStatus(principal, referralId, dto);
  }
}
