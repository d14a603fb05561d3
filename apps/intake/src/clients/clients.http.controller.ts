import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@careloop/contracts';
import { CurrentPrincipal, Principal, Roles as AllowRoles } from '@careloop/security';
import { ClientView } from './client-view';
import { ClientsService } from './clients.service';
import { RegisterClientDto, UpdateConsentDto } from './dto/register-client.dto';

const STAFF = [Roles.CareManager, Roles.CaseManager, Roles.Supervisor, Roles.Provider, Roles.Admin];

@ApiTags('clients')
@ApiBearerAuth()
@Controller('clients')
export class ClientsHttpController {
  constructor(private readonly clients: ClientsService) {}

  @Post()
  @HttpCode(201)
  @AllowRoles(...STAFF)
  @ApiOkResponse({ description: 'The registered client; possibleDuplicateOf lists likely duplicates (flagged, not merged)' })
  register(@CurrentPrincipal() principal: Principal, @Body() dto: RegisterClientDto): Promise<ClientView> {
    return this.clients.register(principal, dto);
  }

  @Get(':id')
  @AllowRoles(...STAFF)
  get(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<ClientView> {
    return this.clients.get(principal, id);
  }

  @Put(':id/consent')
  @AllowRoles(...STAFF)
  updateConsent(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateConsentDto,
  ): Promise<ClientView> {
    return this.clients.updateConsent(principal, id, dto);
  }
}
