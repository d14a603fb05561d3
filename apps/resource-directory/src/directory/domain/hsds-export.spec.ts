import { generateSeedDirectory } from '../seed/generate-seed-directory';
import { validateHsdsRecords } from './hsds-import';
import { groupByOrganization, toHsdsDocument } from './hsds-export';

describe('toHsdsDocument', () => {
  const seed = generateSeedDirectory({ count: 300, seed: 42 });
  const firstImport = validateHsdsRecords(seed);
  const firstExport = toHsdsDocument(firstImport.accepted);

  it('exports what was imported: the seed comes back unchanged', () => {
    expect(firstImport.rejected).toEqual([]);
    expect(firstExport).toEqual(seed);
  });

  it('is stable: export -> import -> export gives the identical JSON', () => {
    const secondImport = validateHsdsRecords(JSON.parse(JSON.stringify(firstExport)));
    expect(secondImport.rejected).toEqual([]);
    const secondExport = toHsdsDocument(secondImport.accepted);
    expect(JSON.stringify(secondExport)).toBe(JSON.stringify(firstExport));
    expect(secondImport.accepted).toEqual(firstImport.accepted);
  });

  it('normalizes a loose feed once, then stays put', () => {
    const loose = {
      organizations: [
        {
          id: 'org-loose',
          name: ' Fake Loose Org ',
          description: 'Invented.',
          email: '',
          services: [{ id: 'svc-loose', name: 'Fake Service', status: 'Temporarily Closed', minimum_age: '5', schedules: [{ id: 's', byday: 'mo,tu', opens_at: '9:00', closes_at: '17:00' }] }],
        },
      ],
    };
    const once = toHsdsDocument(validateHsdsRecords(loose).accepted);
    expect(once.organizations[0]).toMatchObject({ name: 'Fake Loose Org', services: [{ status: 'temporarily closed', minimum_age: 5 }] });
    expect(once.organizations[0]).not.toHaveProperty('email');
    expect(toHsdsDocument(validateHsdsRecords(once).accepted)).toEqual(once);
  });

  it('exports from the stored documents alone, regrouped by organization', () => {
    const stored = firstImport.accepted.flatMap((organization) => organization.services);
    expect(toHsdsDocument(groupByOrganization(stored))).toEqual(firstExport);
  });
});
