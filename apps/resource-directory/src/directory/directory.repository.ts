import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation, FilterQuery, Model, PipelineStage, ProjectionType } from 'mongoose';
import type { DirectoryServiceDocument } from './domain/directory-service.model';
import { boundingBoxClause, geoNearStage, geoPointsOf, type GeoStrategy, type RadiusQuery } from './directory-geo';
import { DIRECTORY_SERVICE_MODEL, type DirectoryServiceRecord } from './schemas/directory-service.schema';

/** Fields that are storage bookkeeping, not part of the normalized service. */
const STORAGE_FIELDS = { _id: 0, tenantId: 0, geo: 0, importedAt: 0 } as const;

/** Upserts go to the database in slices: one bulk write per slice keeps each command well under the 16 MB limit. */
const UPSERT_SLICE = 500;

export type Projection = Record<string, 0 | 1>;

export interface FindServicesOptions {
  near?: RadiusQuery;
  strategy?: GeoStrategy;
  projection: Projection;
  sort?: Record<string, 1 | -1>;
  limit?: number;
}

/** The tenant's directory: one document per service, the organization embedded. */
@Injectable()
export class DirectoryRepository {
  constructor(@InjectModel(DIRECTORY_SERVICE_MODEL) private readonly services: Model<DirectoryServiceRecord>) {}

  /** Inserts or replaces each service by (tenant, service id): importing the same feed twice changes nothing. */
  async upsert(tenantId: string, documents: readonly DirectoryServiceDocument[], now = new Date()): Promise<void> {
    for (let start = 0; start < documents.length; start += UPSERT_SLICE) {
      const operations: AnyBulkWriteOperation<DirectoryServiceRecord>[] = documents
        .slice(start, start + UPSERT_SLICE)
        .map((document) => ({
          replaceOne: {
            filter: { tenantId, id: document.id },
            replacement: toRecord(tenantId, document, now),
            upsert: true,
          },
        }));
      await this.services.bulkWrite(operations, { ordered: false });
    }
  }

  async isEmpty(tenantId: string): Promise<boolean> {
    return (await this.services.findOne({ tenantId }, { _id: 1 }).lean()) === null;
  }

  /** The stored services of some organizations, for re-deriving them when an import changes the organization. */
  async findByOrganizations(tenantId: string, organizationIds: readonly string[]): Promise<DirectoryServiceDocument[]> {
    if (organizationIds.length === 0) return [];
    return this.services
      .find({ tenantId, organizationId: { $in: [...organizationIds] } }, STORAGE_FIELDS)
      .lean<DirectoryServiceDocument[]>();
  }

  /** Every service of the tenant (or of one organization), grouped by organization then by service id. */
  async findForExport(tenantId: string, organizationId?: string): Promise<DirectoryServiceDocument[]> {
    const filter: FilterQuery<DirectoryServiceRecord> = organizationId ? { tenantId, organizationId } : { tenantId };
    return this.services.find(filter, STORAGE_FIELDS).sort({ organizationId: 1, id: 1 }).lean<DirectoryServiceDocument[]>();
  }

  async findByIds<T>(tenantId: string, ids: readonly string[], projection: Projection): Promise<T[]> {
    if (ids.length === 0) return [];
    return this.services.find({ tenantId, id: { $in: [...ids] } }, withoutId(projection)).lean<T[]>();
  }

  async count(filter: FilterQuery<DirectoryServiceRecord>): Promise<number> {
    return this.services.countDocuments(requireTenant(filter));
  }

  async findPage<T>(
    filter: FilterQuery<DirectoryServiceRecord>,
    projection: Projection,
    sort: Record<string, 1 | -1>,
    skip: number,
    limit: number,
  ): Promise<T[]> {
    return this.services.find(requireTenant(filter), withoutId(projection)).sort(sort).skip(skip).limit(limit).lean<T[]>();
  }

  /**
   * Services matching `filter` and, with `near`, having a location the database pre-selects for the radius: exactly
   * the bounding box, or $geoNear slightly widened. Callers apply the exact distance; both strategies then agree.
   */
  async find<T>(filter: FilterQuery<DirectoryServiceRecord>, options: FindServicesOptions): Promise<T[]> {
    const scoped = requireTenant(filter);
    const projection = withoutId(options.projection);
    if (options.near && options.strategy === 'geo-near') {
      const pipeline: PipelineStage[] = [geoNearStage(options.near, scoped), { $project: projection }];
      if (options.limit !== undefined) pipeline.push({ $limit: options.limit });
      // $geoNear must open the pipeline, before the $match the tenant-scope plugin looks for; the tenant is in its
      // `query`, so the native collection runs it.
      return (await this.services.collection.aggregate(pipeline).toArray()) as T[];
    }
    const query = options.near ? { ...scoped, ...boundingBoxClause(options.near) } : scoped;
    let cursor = this.services.find(query, projection as ProjectionType<DirectoryServiceRecord>);
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.limit !== undefined) cursor = cursor.limit(options.limit);
    return cursor.lean<T[]>();
  }
}

export function toRecord(tenantId: string, document: DirectoryServiceDocument, importedAt: Date): DirectoryServiceRecord {
  const geo = geoPointsOf(document.locations);
  return { ...document, tenantId, importedAt, ...(geo ? { geo } : {}) };
}

function withoutId(projection: Projection): Projection {
  return { _id: 0, ...projection };
}

function requireTenant(filter: FilterQuery<DirectoryServiceRecord>): FilterQuery<DirectoryServiceRecord> {
  // The plugin refuses unscoped queries; the native aggregation path bypasses it, so the check is repeated here.
  if (typeof filter.tenantId !== 'string' || filter.tenantId.length === 0) throw new Error('directory query without a tenant');
  return filter;
}
