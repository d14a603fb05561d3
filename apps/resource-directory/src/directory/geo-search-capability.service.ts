import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { detectCapabilities, type DatabaseCapabilities } from '@careloop/persistence';
import type { Connection } from 'mongoose';
import { ResourceDirectoryEnv, type GeoSearchMode } from '../config/resource-directory.env';
import type { GeoStrategy } from './directory-geo';
import { DIRECTORY_SERVICE_COLLECTION, GEO_INDEX_KEYS, GEO_INDEX_NAME } from './schemas/directory-service.schema';

/** The configured mode and what the database proved it can do decide the strategy; nothing else does. */
export function chooseGeoStrategy(mode: GeoSearchMode, capabilities: Pick<DatabaseCapabilities, 'geoNear'>): GeoStrategy {
  return mode === 'auto' && capabilities.geoNear ? 'geo-near' : 'bounding-box';
}

/**
 * Detects once (at start-up, or at the first radius query if a consumer runs first) whether `$geoNear` works, creates
 * the 2dsphere index only then, and hands the cached strategy to search and matching.
 */
@Injectable()
export class GeoSearchCapability implements OnApplicationBootstrap {
  private readonly logger = new Logger(GeoSearchCapability.name);
  private detected: Promise<GeoStrategy> | undefined;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly env: ResourceDirectoryEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const strategy = await this.strategy();
    this.logger.log(`radius search strategy: ${strategy}`);
  }

  strategy(): Promise<GeoStrategy> {
    this.detected ??= this.detect().catch((err: unknown) => {
      // A failed probe (database briefly away) must not pin the answer: the next query probes again.
      this.detected = undefined;
      throw err;
    });
    return this.detected;
  }

  private async detect(): Promise<GeoStrategy> {
    if (this.env.DIRECTORY_GEO_SEARCH !== 'auto') return 'bounding-box';
    const strategy = chooseGeoStrategy(this.env.DIRECTORY_GEO_SEARCH, await detectCapabilities(this.connection));
    if (strategy !== 'geo-near') return strategy;
    try {
      await this.connection.collection(DIRECTORY_SERVICE_COLLECTION).createIndex(GEO_INDEX_KEYS, { name: GEO_INDEX_NAME });
      return strategy;
    } catch (err) {
      this.logger.warn(`2dsphere index not created (${err instanceof Error ? err.name : 'unknown error'}); using the bounding box`);
      return 'bounding-box';
    }
  }
}
