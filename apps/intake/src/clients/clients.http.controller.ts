import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
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
import { ClientView } from './client-view';
import { ClientsService } from './clients.service';
import { RegisterClientDto, UpdateConsentDto } from './dto/register-client.dto';

const STAFF = [Roles.CareManager, Roles.CaseManager, Roles.Supervisor, Roles.Provider, Roles.Admin];

@ApiTags('clients')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer token' })
@ApiForbiddenResponse({ description: 'The role may not do this' })
@Controller('clients')
export class ClientsHttpController {
  constructor(private readonly clients: ClientsService) {}

  @Post()
  @HttpCode(201)
  @AllowRoles(...STAFF)
  @ApiOperation({ summary: 'Register a client (emits ClientRegistered)' })
  @ApiCreatedResponse({ description: 'The registered client; possibleDuplicateOf lists likely duplicates (flagged, not merged)' })
  @ApiBadRequestResponse({ description: 'Field-level validation errors' })
  register(@CurrentPrincipal() principal: Principal, @Body() dto: RegisterClientDto): Promise<ClientView> {
    return this.clients.register(principal, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: "Read a client's record (audited)" })
  @ApiOkResponse({ description: 'The client' })
  @ApiNotFoundResponse({ description: 'No such client in your tenant' })
  @AllowRoles(...STAFF)
  get(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<ClientView> {
    return this.clients.get(principal, id);
  }

  @Put(':id/consent')
  @ApiOperation({ summary: 'Record consent to share and to be contacted (emits ConsentRecorded)' })
  @ApiOkResponse({ description: 'The client with its new consent' })
  @ApiNotFoundResponse({ description: 'No such client in your tenant' })
  @ApiConflictResponse({ description: 'Changed concurrently; read again and retry' })
  @AllowRoles(...STAFF)
  updateConsent(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateConsentDto,
  ): Promise<ClientView> {
    return this.clients.updateConsent(principal, id, dto);
  }
}
