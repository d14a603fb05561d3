import { HSDS_SERVICE_STATUSES } from '../domain/hsds.types';
import { CAPACITY_STATUSES, type DirectoryServiceDocument } from '../domain/directory-service.model';
import { Schema } from 'mongoose';

export const DIRECTORY_SERVICE_MODEL = 'DirectoryService';
export const DIRECTORY_SERVICE_COLLECTION = 'directory_services';
export const UNIQUE_TENANT_SERVICE_INDEX = 'uniq_tenant_service';

/** GeoJSON of every physical location of a service, for $geoNear where the database supports it. */
export interface GeoMultiPoint {
  type: 'MultiPoint';
  /** [longitude, latitude] pairs, GeoJSON order. */
  coordinates: Array<[number, number]>;
}

/**
 * One stored service of a tenant's directory: the normalized document (search fields beside the HSDS source) plus its
 * tenant and, when it has a physical location, its GeoJSON. Organizations are embedded (`hsdsOrganization`), so one
 * collection answers search, matching and export. No outbox: directory changes emit no events.
 */
export interface DirectoryServiceRecord extends DirectoryServiceDocument {
  tenantId: string;
  geo?: GeoMultiPoint;
  importedAt: Date;
}

const LocationSchema = new Schema(
  {
    id: { type: String, required: true },
    latitude: { type: Number, required: true },
    longitude: { type: Number, required: true },
    postalCode: { type: String },
  },
  { _id: false },
);

// `type` inside a subdocument would be read as a type declaration; spelled as a field on purpose.
const GeoMultiPointSchema = new Schema(
  {
    type: { type: String, enum: ['MultiPoint'], required: true },
    coordinates: { type: [[Number]], required: true },
  },
  { _id: false },
);

export const DirectoryServiceSchema = new Schema<DirectoryServiceRecord>(
  {
    tenantId: { type: String, required: true, immutable: true },
    id: { type: String, required: true },
    organizationId: { type: String, required: true },
    organizationName: { type: String, required: true },
    name: { type: String, required: true },
    status: { type: String, enum: HSDS_SERVICE_STATUSES, required: true },
    categoryKeys: { type: [String], default: [] },
    taxonomyTermIds: { type: [String], default: [] },
    taxonomyCodes: { type: [String], default: [] },
    searchTokens: { type: [String], default: [] },
    languages: { type: [String], default: [] },
    interpretationAvailable: { type: Boolean, required: true },
    locations: { type: [LocationSchema], default: [] },
    minimumAge: { type: Number },
    maximumAge: { type: Number },
    // Stored as given (HSDS recurrence fields): nothing queries inside a schedule, it is evaluated in code.
    schedules: { type: Schema.Types.Mixed, default: () => [] },
    capacityStatus: { type: String, enum: CAPACITY_STATUSES, required: true },
    capacityReported: { type: Boolean, required: true },
    capacityUpdatedAt: { type: String },
    lastModified: { type: String },
    hsds: { type: Schema.Types.Mixed, required: true },
    hsdsOrganization: { type: Schema.Types.Mixed, required: true },
    geo: { type: GeoMultiPointSchema, required: false },
    importedAt: { type: Date, required: true },
  },
  {
    collection: DIRECTORY_SERVICE_COLLECTION,
    versionKey: false,
    // The HSDS source is exported as stored: an empty object dropped on save would break export -> import -> export.
    minimize: false,
  },
);

DirectoryServiceSchema.index({ tenantId: 1, id: 1 }, { unique: true, name: UNIQUE_TENANT_SERVICE_INDEX });
DirectoryServiceSchema.index({ tenantId: 1, categoryKeys: 1 }, { name: 'tenant_category' });
DirectoryServiceSchema.index({ tenantId: 1, taxonomyTermIds: 1 }, { name: 'tenant_taxonomy_term' });
DirectoryServiceSchema.index({ tenantId: 1, searchTokens: 1 }, { name: 'tenant_search_tokens' });
DirectoryServiceSchema.index({ tenantId: 1, languages: 1 }, { name: 'tenant_languages' });
DirectoryServiceSchema.index(
  { tenantId: 1, 'locations.latitude': 1, 'locations.longitude': 1 },
  { name: 'tenant_location_lat_lng' },
);
DirectoryServiceSchema.index({ tenantId: 1, status: 1, name: 1 }, { name: 'tenant_status_name' });
DirectoryServiceSchema.index({ tenantId: 1, organizationId: 1, id: 1 }, { name: 'tenant_organization_service' });

/**
 * The 2dsphere index is not declared above: mongo-java-server accepts it and then fails every geo query, so it is
 * created only where $geoNear was seen to work (see GeoSearchCapability).
 */
export const GEO_INDEX_KEYS = { geo: '2dsphere', tenantId: 1 } as const;
export const GEO_INDEX_NAME = 'geo_2dsphere_tenant';
