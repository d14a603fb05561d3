import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ReadinessCheck, RegisterReadinessCheck } from './readiness-check';

const CONNECTED = 1;

/** Pings the service's default mongoose connection. */
@RegisterReadinessCheck()
@Injectable()
export class MongoReadinessCheck implements ReadinessCheck {
  readonly name = 'mongodb';

  constructor(@InjectConnection() private readonly connection: Connection) {}

  async check(): Promise<void> {
    const db = this.connection.db;
    if (this.connection.readyState !== CONNECTED || db === undefined) {
      throw new Error('not connected');
    }
    await db.admin().ping();
  }
}
