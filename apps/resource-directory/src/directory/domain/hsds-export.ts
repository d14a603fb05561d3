import type { DirectoryServiceDocument, NormalizedOrganization } from './directory-service.model';
import type { HsdsImportDocument } from './hsds.types';

/**
 * The HSDS document of normalized organizations: each organization's record with its services nested, as
 * `validateHsdsRecords` reads it back. The HSDS kept in storage is already canonical, so an export re-imported
 * and exported again is identical.
 */
export function toHsdsDocument(normalized: readonly NormalizedOrganization[]): HsdsImportDocument {
  return {
    organizations: normalized.map(({ organization, services }) => ({
      ...organization,
      services: services.map((document) => document.hsds),
    })),
  };
}

/**
 * Regroups stored service documents by organization (in order of first appearance, services in the given
 * order), to export from the one collection the service keeps. An organization with no service is not stored.
 */
export function groupByOrganization(documents: readonly DirectoryServiceDocument[]): NormalizedOrganization[] {
  const byId = new Map<string, NormalizedOrganization>();
  for (const document of documents) {
    let organization = byId.get(document.organizationId);
    if (!organization) {
      const record = document.hsdsOrganization;
      organization = { id: record.id, name: record.name, organization: record, services: [] };
      byId.set(document.organizationId, organization);
    }
    organization.services.push(document);
  }
  return [...byId.values()];
}
