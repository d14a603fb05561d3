import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ResourceDirectoryEnv } from '../config/resource-directory.env';
import type { DirectoryServiceDocument, NormalizedOrganization } from './domain/directory-service.model';
import { groupByOrganization, toHsdsDocument } from './domain/hsds-export';
import { normalizeService, validateHsdsRecords, type HsdsImportCounts, type HsdsImportRejection } from './domain/hsds-import';
import type { HsdsImportDocument } from './domain/hsds.types';
import { generateSeedDirectory, type SeedDirectoryOptions } from './seed/generate-seed-directory';
import { DirectoryRepository } from './directory.repository';

export interface ImportOutcome {
  /** Services stored (inserted or replaced). */
  imported: number;
  rejected: HsdsImportRejection[];
  counts: HsdsImportCounts;
}

/** Import, export and seeding of a tenant's HSDS directory. Directory data is about organizations, never clients. */
@Injectable()
export class DirectoryService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DirectoryService.name);

  constructor(
    private readonly repository: DirectoryRepository,
    private readonly env: ResourceDirectoryEnv,
  ) {}

  /** Fills the configured demo tenant's directory at start-up, once (an existing directory is left alone). */
  async onApplicationBootstrap(): Promise<void> {
    const tenantId = this.env.DIRECTORY_SEED_TENANT;
    if (!tenantId) return;
    if (!(await this.repository.isEmpty(tenantId))) return;
    const outcome = await this.seed(tenantId, { count: this.env.DIRECTORY_SEED_COUNT });
    this.logger.log(`seeded the directory of tenant ${tenantId} with ${outcome.imported} services`);
  }

  async import(tenantId: string, document: unknown): Promise<ImportOutcome> {
    const result = validateHsdsRecords(document);
    const documents = result.accepted.flatMap((organization) => organization.services);
    const rejected = [...result.rejected];
    const rederived = await this.rederiveSiblings(tenantId, document, result.accepted, rejected);
    await this.repository.upsert(tenantId, [...documents, ...rederived]);
    return { imported: documents.length, rejected, counts: result.counts };
  }

  async seed(tenantId: string, options: SeedDirectoryOptions): Promise<ImportOutcome> {
    return this.import(tenantId, generateSeedDirectory(options));
  }

  async export(tenantId: string, organizationId?: string): Promise<HsdsImportDocument> {
    return toHsdsDocument(groupByOrganization(await this.repository.findForExport(tenantId, organizationId)));
  }

  /**
   * Services stored earlier for an organization this import carries, but absent from it, are derived again with the
   * imported organization record (its name feeds their search tokens, its locations their coordinates), so one
   * organization never exports two versions of itself. One that no longer fits (a location it points at is gone) is
   * left as it was and reported.
   */
  private async rederiveSiblings(
    tenantId: string,
    document: unknown,
    organizations: readonly NormalizedOrganization[],
    rejected: HsdsImportRejection[],
  ): Promise<DirectoryServiceDocument[]> {
    const imported = new Set(organizations.flatMap((organization) => organization.services.map((service) => service.id)));
    const byId = new Map(organizations.map((organization) => [organization.id, organization]));
    const stored = await this.repository.findByOrganizations(tenantId, [...byId.keys()]);
    const rederived: DirectoryServiceDocument[] = [];
    for (const sibling of stored) {
      const organization = byId.get(sibling.organizationId);
      if (!organization || imported.has(sibling.id)) continue;
      const result = normalizeService(organization.organization, sibling.hsds);
      if ('document' in result) {
        rederived.push(result.document);
      } else {
        rejected.push({
          kind: 'service',
          index: indexOfOrganization(document, organization.id),
          id: sibling.id,
          organizationId: organization.id,
          reasons: ['stored service kept unchanged: it does not fit the imported organization', ...result.reasons].slice(0, 20),
        });
      }
    }
    return rederived;
  }
}

/** The organization's position in the import document, as rejections report it. */
function indexOfOrganization(document: unknown, organizationId: string): number {
  const organizations = (document as { organizations?: unknown }).organizations;
  if (!Array.isArray(organizations)) return -1;
  return organizations.findIndex(
    (organization: unknown) => (organization as { id?: unknown } | null)?.id === organizationId,
  );
}
