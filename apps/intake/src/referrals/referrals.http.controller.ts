import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Roles } from '@careloop/contracts';
import { CurrentPrincipal, Principal, Roles as AllowRoles } from '@careloop/security';
import { RecordReferralDto } from './dto/record-referral.dto';
import { ReferralViewDto } from './dto/referral-view.dto';
import { REFERRAL_LIST_LIMIT, ReferralsService } from './referrals.service';

const STAFF = [Roles.CareManager, Roles.CaseManager, Roles.Provider, Roles.Supervisor];

@ApiTags('referrals')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer token' })
@ApiForbiddenResponse({ description: 'The caller has none of the roles: care-manager, case-manager, provider, supervisor' })
@ApiNotFoundResponse({ description: "No such client in the caller's tenant" })
@Controller('clients/:clientId/referrals')
export class ReferralsHttpController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post()
  @HttpCode(201)
  @AllowRoles(...STAFF)
  @ApiOperation({
    summary: 'Record an inbound referral of a client',
    description: 'Emits ReferralReceived (source and reason code; the note stays in intake).',
  })
  @ApiCreatedResponse({ type: ReferralViewDto, description: 'The recorded referral' })
  @ApiBadRequestResponse({ description: 'Invalid body: `fields` lists each field path with its messages' })
  record(
    @CurrentPrincipal() principal: Principal,
    @Param('clientId', new ParseUUIDPipe()) clientId: string,
    @Body() dto: RecordReferralDto,
  ): Promise<ReferralViewDto> {
    return this.referrals.record(principal, clientId, dto);
  }

  @Get()
  @AllowRoles(...STAFF)
  @ApiOperation({ summary: `A client's inbound referrals, newest first (at most ${REFERRAL_LIST_LIMIT})` })
  @ApiOkResponse({ type: [ReferralViewDto], description: "The client's referrals, newest first" })
  list(@CurrentPrincipal() principal: Principal, @Param('clientId', new ParseUUIDPipe()) clientId: string): Promise<ReferralViewDto[]> {
    return this.referrals.listForClient(principal, clientId);
  }
}
