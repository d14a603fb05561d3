import { Test } from '@nestjs/testing';
import { getConnectionToken } from '@nestjs/mongoose';
import { detectCapabilities, type DatabaseCapabilities } from '@careloop/persistence';
import { ResourceDirectoryEnv } from '../config/resource-directory.env';
import { chooseGeoStrategy, GeoSearchCapability } from './geo-search-capability.service';
import { GEO_INDEX_KEYS, GEO_INDEX_NAME } from './schemas/directory-service.schema';

jest.mock('@careloop/persistence', () => ({ detectCapabilities: jest.fn() }));

const detect = detectCapabilities as jest.MockedFunction<typeof detectCapabilities>;
const capabilities = (geoNear: boolean): DatabaseCapabilities => ({ geoNear, text: geoNear, transactions: geoNear, ttl: geoNear });

describe('chooseGeoStrategy', () => {
  it.each([
    ['auto', true, 'geo-near'],
    ['auto', false, 'bounding-box'],
    ['bounding-box', true, 'bounding-box'],
    ['bounding-box', false, 'bounding-box'],
  ] as const)('mode %s with geoNear=%s -> %s', (mode, geoNear, expected) => {
    expect(chooseGeoStrategy(mode, { geoNear })).toBe(expected);
  });
});

describe('GeoSearchCapability', () => {
  const createIndex = jest.fn();
  const connection = { collection: jest.fn(() => ({ createIndex })) };

  async function build(mode: ResourceDirectoryEnv['DIRECTORY_GEO_SEARCH']): Promise<GeoSearchCapability> {
    const env = Object.assign(new ResourceDirectoryEnv(), { DIRECTORY_GEO_SEARCH: mode });
    const moduleRef = await Test.createTestingModule({
      providers: [
        GeoSearchCapability,
        { provide: getConnectionToken(), useValue: connection },
        { provide: ResourceDirectoryEnv, useValue: env },
      ],
    }).compile();
    return moduleRef.get(GeoSearchCapability);
  }

  beforeEach(() => {
    detect.mockReset();
    createIndex.mockReset();
    connection.collection.mockClear();
  });

  it('uses $geoNear where the database proved it works, creating the 2dsphere index then, and probes only once', async () => {
    detect.mockResolvedValue(capabilities(true));
    const capability = await build('auto');
    await expect(capability.strategy()).resolves.toBe('geo-near');
    await expect(capability.strategy()).resolves.toBe('geo-near');
    expect(detect).toHaveBeenCalledTimes(1);
    expect(createIndex).toHaveBeenCalledWith(GEO_INDEX_KEYS, { name: GEO_INDEX_NAME });
  });

  it('uses the bounding box where $geoNear fails, without creating the index', async () => {
    detect.mockResolvedValue(capabilities(false));
    const capability = await build('auto');
    await expect(capability.strategy()).resolves.toBe('bounding-box');
    expect(createIndex).not.toHaveBeenCalled();
  });

  it('falls back to the bounding box when the index cannot be created', async () => {
    detect.mockResolvedValue(capabilities(true));
    createIndex.mockRejectedValue(new Error('index build failed'));
    await expect((await build('auto')).strategy()).resolves.toBe('bounding-box');
  });

  it('never probes when the bounding box is forced', async () => {
    const capability = await build('bounding-box');
    await expect(capability.strategy()).resolves.toBe('bounding-box');
    expect(detect).not.toHaveBeenCalled();
  });

  it('probes again after a failed probe instead of keeping the failure', async () => {
    detect.mockRejectedValueOnce(new Error('database away')).mockResolvedValueOnce(capabilities(false));
    const capability = await build('auto');
    await expect(capability.strategy()).rejects.toThrow('database away');
    await expect(capability.strategy()).resolves.toBe('bounding-box');
    expect(detect).toHaveBeenCalledTimes(2);
  });
});
