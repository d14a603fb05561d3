import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Roles } from '@careloop/contracts';
import { CurrentPrincipal, Principal, Roles as AllowRoles } from '@careloop/security';
import { MAX_PER_PAGE, SearchServicesQueryDto } from './dto/search-services.query.dto';
import { ServiceSearchPageDto } from './dto/service-search-page.dto';
import { ServiceSearchService } from './service-search.service';

@ApiTags('services')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer token' })
@Controller('services')
export class SearchHttpController {
  constructor(private readonly search: ServiceSearchService) {}

  @Get()
  @AllowRoles(Roles.CareManager, Roles.CaseManager, Roles.Supervisor, Roles.Provider, Roles.Admin, Roles.Organization)
  @ApiOperation({
    summary: "Search the tenant's directory",
    description:
      'Filters combine: need category or taxonomy term, words (q), a radius around lat/lng (sorted by distance, ' +
      `results carry distanceKm), language, age, open now. Active services unless status says otherwise. At most ${MAX_PER_PAGE} per page.`,
  })
  @ApiOkResponse({ type: ServiceSearchPageDto })
  @ApiBadRequestResponse({ description: 'Invalid query: `fields` lists each parameter with its messages' })
  @ApiForbiddenResponse({ description: 'The caller has none of the roles allowed to search' })
  find(@CurrentPrincipal() principal: Principal, @Query() query: SearchServicesQueryDto): Promise<ServiceSearchPageDto> {
    return this.search.search(principal.tenantId, query);
  }
}
