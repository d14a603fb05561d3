import { validateEnv } from '@careloop/observability';
import { ResourceDirectoryEnv } from './resource-directory.env';

const BASE = {
  PORT: '3000',
  SERVICE_NAME: 'resource-directory',
  KAFKA_BROKERS: '127.0.0.1:9092',
  MONGODB_URI: 'mongodb://127.0.0.1:27017',
  AUTH_DEV_SECRET: 'a-development-secret-of-at-least-32-chars',
};

describe('ResourceDirectoryEnv', () => {
  it('has defaults that leave the seed off and search on the detected strategy', () => {
    const env = validateEnv(ResourceDirectoryEnv, BASE);
    expect(env).toMatchObject({
      DIRECTORY_SEED_COUNT: 300,
      DIRECTORY_TIME_ZONE: 'America/New_York',
      DIRECTORY_GEO_SEARCH: 'auto',
      REFERRAL_MATCH_RADIUS_KM: 25,
    });
    expect(env.DIRECTORY_SEED_TENANT).toBeUndefined();
  });

  it('reads numbers from strings and refuses what cannot work, naming each variable', () => {
    expect(validateEnv(ResourceDirectoryEnv, { ...BASE, DIRECTORY_SEED_COUNT: '25', DIRECTORY_SEED_TENANT: 'tenant-demo' })).toMatchObject({
      DIRECTORY_SEED_COUNT: 25,
      DIRECTORY_SEED_TENANT: 'tenant-demo',
    });
    expect(() =>
      validateEnv(ResourceDirectoryEnv, {
        ...BASE,
        DIRECTORY_TIME_ZONE: 'Mars/Olympus',
        DIRECTORY_GEO_SEARCH: 'sometimes',
        DIRECTORY_SEED_TENANT: 'bad tenant',
        REFERRAL_MATCH_RADIUS_KM: '0',
      }),
    ).toThrow(/DIRECTORY_SEED_TENANT[\s\S]*DIRECTORY_TIME_ZONE[\s\S]*DIRECTORY_GEO_SEARCH[\s\S]*REFERRAL_MATCH_RADIUS_KM/);
  });
});
