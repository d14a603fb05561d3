import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';

/**
 * Creates every declared index explicitly before the service takes traffic. Automatic background indexing is off, so a
 * unique index that cannot be built (duplicates already stored, a conflicting definition) stops start-up instead of
 * leaving the service running without the guarantee it relies on.
 */
@Injectable()
export class IndexBootstrapper implements OnApplicationBootstrap {
  private readonly logger = new Logger(IndexBootstrapper.name);

  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const model of Object.values(this.connection.models)) {
      try {
        await model.createCollection().catch((err: { code?: number }) => {
          // 48: the collection exists already.
          if (err?.code !== 48) throw err;
        });
        await model.createIndexes();
      } catch (err) {
        const reason = err instanceof Error ? err.name : 'unknown error';
        throw new Error(`Cannot create indexes of collection ${model.collection.collectionName} (${reason}); refusing to start`);
      }
    }
    this.logger.log(`indexes ensured on ${Object.keys(this.connection.models).length} collections`);
  }
}
