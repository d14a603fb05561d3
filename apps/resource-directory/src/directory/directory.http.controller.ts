import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Roles } from '@careloop/contracts';
import { RequestValidationError } from '@careloop/runtime';
import { AuditService, CurrentPrincipal, Principal, Roles as AllowRoles } from '@careloop/security';
import type { HsdsImportDocument } from './domain/hsds.types';
import { DirectoryService } from './directory.service';
import { ExportQueryDto } from './dto/export-query.dto';
import { ImportResultDto } from './dto/import-result.dto';
import { SeedDirectoryDto } from './dto/seed-directory.dto';

const HSDS_DOCUMENT_SCHEMA = {
  type: 'object',
  required: ['organizations'],
  description:
    'Open Referral HSDS 3.x organizations, each with its `services` nested (and optionally `locations` that services ' +
    'point at by location_id), as GET /directory/export produces.',
  properties: { organizations: { type: 'array', items: { type: 'object', additionalProperties: true } } },
};

@ApiTags('directory')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer token' })
@Controller('directory')
export class DirectoryHttpController {
  constructor(
    private readonly directory: DirectoryService,
    private readonly audit: AuditService,
  ) {}

  @Post('import')
  @HttpCode(200)
  @AllowRoles(Roles.Admin)
  @ApiOperation({
    summary: "Import HSDS 3.x records into the tenant's directory",
    description:
      'Valid services are upserted by service id (importing the same document twice changes nothing); invalid ' +
      'organizations and services are refused one by one with their reasons, and the rest is imported.',
  })
  @ApiBody({ schema: HSDS_DOCUMENT_SCHEMA })
  @ApiOkResponse({ type: ImportResultDto })
  @ApiBadRequestResponse({ description: 'Not an HSDS import document (no `organizations` array)' })
  @ApiForbiddenResponse({ description: 'Only admin may import' })
  async import(@CurrentPrincipal() principal: Principal, @Body() document: unknown): Promise<ImportResultDto> {
    const outcome = await this.directory.import(principal.tenantId, document);
    const unreadable = outcome.rejected.find((rejection) => rejection.kind === 'document');
    // Not a record refused among others: nothing could be read, which is a bad request.
    if (unreadable) throw new RequestValidationError([{ field: 'organizations', messages: unreadable.reasons }]);
    await this.audit.record({ action: 'update', resourceType: 'HsdsDirectory', resourceId: principal.tenantId, reason: 'import' });
    return outcome;
  }

  @Post('seed')
  @HttpCode(200)
  @AllowRoles(Roles.Admin)
  @ApiOperation({
    summary: "Load a generated, fictional directory into the tenant's directory (demos and tests)",
    description: 'Deterministic for a seed; upserted like an import.',
  })
  @ApiOkResponse({ type: ImportResultDto })
  @ApiBadRequestResponse({ description: 'Invalid body: `fields` lists each field path with its messages' })
  @ApiForbiddenResponse({ description: 'Only admin may seed' })
  async seed(@CurrentPrincipal() principal: Principal, @Body() dto: SeedDirectoryDto): Promise<ImportResultDto> {
    const outcome = await this.directory.seed(principal.tenantId, {
      ...(dto.count !== undefined ? { count: dto.count } : {}),
      ...(dto.seed !== undefined ? { seed: dto.seed } : {}),
      ...(dto.center ? { center: { lat: dto.center.lat, lng: dto.center.lng } } : {}),
    });
    await this.audit.record({ action: 'update', resourceType: 'HsdsDirectory', resourceId: principal.tenantId, reason: 'seed' });
    return outcome;
  }

  @Get('export')
  @AllowRoles(Roles.Admin, Roles.Organization)
  @ApiOperation({
    summary: "The tenant's directory as an HSDS 3.x document",
    description: 'Organizations with their services nested, ordered by id; importing it elsewhere and exporting again gives the same document.',
  })
  @ApiOkResponse({ schema: HSDS_DOCUMENT_SCHEMA })
  @ApiForbiddenResponse({ description: 'Only admin and organization users may export' })
  async export(@CurrentPrincipal() principal: Principal, @Query() query: ExportQueryDto): Promise<HsdsImportDocument> {
    const document = await this.directory.export(principal.tenantId, query.organizationId);
    await this.audit.record({ action: 'export', resourceType: 'HsdsDirectory', resourceId: query.organizationId ?? principal.tenantId });
    return document;
  }
}
