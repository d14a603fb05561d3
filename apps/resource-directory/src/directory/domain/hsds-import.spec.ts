import { CAPACITY_STATUS_LINK_TYPE } from './capacity-status';
import { validateHsdsRecords } from './hsds-import';
import { OPEN_ELIGIBILITY_TAXONOMY } from './need-category-taxonomy';

/* Fixtures are invented: fake ids, 555-01xx numbers, example.org addresses. */

type Json = Record<string, unknown>;

const term = (code: string, name: string): Json => ({
  id: `term-${code.split(':').pop()}`,
  code,
  name,
  description: name,
  taxonomy: OPEN_ELIGIBILITY_TAXONOMY,
});

function location(overrides: Json = {}): Json {
  return {
    id: 'loc-1',
    location_type: 'physical',
    name: 'Fake Street Site',
    latitude: 42.35,
    longitude: -71.05,
    addresses: [
      { id: 'addr-1', address_1: '1 Fake Street', city: 'Nowhere', state_province: 'MA', postal_code: '00001', country: 'US', address_type: 'physical' },
    ],
    ...overrides,
  };
}

function service(overrides: Json = {}): Json {
  return {
    id: 'svc-1',
    name: 'Café Comunitário Pantry',
    description: 'Free groceries every weekday.',
    status: 'active',
    minimum_age: 18,
    languages: [
      { id: 'lang-1', code: 'en', name: 'English' },
      { id: 'lang-2', code: 'spa', name: 'Spanish' },
    ],
    service_at_locations: [
      { id: 'sal-1', location: location(), schedules: [{ id: 'sch-1', freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' }] },
    ],
    attributes: [{ id: 'attr-1', link_type: 'service_category', taxonomy_term: term('human_services:food:food_pantry', 'Food Pantry') }],
    ...overrides,
  };
}

function organization(overrides: Json = {}): Json {
  return { id: 'org-1', name: 'Fake Harbor Food Pantry', description: 'An invented organization.', services: [service()], ...overrides };
}

const validate = (...organizations: Json[]) => validateHsdsRecords({ organizations });

describe('validateHsdsRecords', () => {
  it('accepts a valid organization and derives the storage document', () => {
    const result = validate(organization());
    expect(result.rejected).toEqual([]);
    expect(result.counts).toEqual({ organizations: 1, acceptedOrganizations: 1, services: 1, acceptedServices: 1 });
    const [org] = result.accepted;
    expect(org).toMatchObject({ id: 'org-1', name: 'Fake Harbor Food Pantry' });
    expect(org.organization).not.toHaveProperty('services');
    const [document] = org.services;
    expect(document).toMatchObject({
      id: 'svc-1',
      organizationId: 'org-1',
      organizationName: 'Fake Harbor Food Pantry',
      status: 'active',
      categoryKeys: ['food-insecurity'],
      taxonomyTermIds: ['term-food_pantry'],
      taxonomyCodes: ['human_services:food:food_pantry'],
      languages: ['en', 'es'],
      interpretationAvailable: false,
      locations: [{ id: 'loc-1', latitude: 42.35, longitude: -71.05, postalCode: '00001' }],
      minimumAge: 18,
      schedules: [{ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' }],
      capacityStatus: 'has-capacity',
      capacityReported: false,
    });
    expect(document).not.toHaveProperty('maximumAge');
    expect(document.searchTokens).toEqual(expect.arrayContaining(['cafe', 'comunitario', 'pantry', 'harbor', 'food', 'groceries']));
    expect(document.hsds.name).toBe('Café Comunitário Pantry');
  });

  it('tolerates nulls, blanks, numbers as strings and enum case in optional fields', () => {
    const result = validate(
      organization({
        email: null,
        website: '',
        services: [
          service({
            status: 'Active',
            alternate_name: null,
            url: '   ',
            minimum_age: '12',
            maximum_age: '24',
            phones: null,
            schedules: [{ id: 'sch-2', byday: 'sa, su', opens_at: '9:00', closes_at: '12:00', freq: 'weekly', valid_to: '' }],
          }),
        ],
      }),
    );
    expect(result.rejected).toEqual([]);
    const { hsds } = result.accepted[0].services[0];
    expect(hsds).toMatchObject({ status: 'active', minimum_age: 12, maximum_age: 24 });
    expect(hsds.schedules).toEqual([{ id: 'sch-2', byday: 'SA,SU', opens_at: '09:00', closes_at: '12:00', freq: 'WEEKLY' }]);
    for (const key of ['alternate_name', 'url', 'phones']) expect(hsds).not.toHaveProperty(key);
    expect(result.accepted[0].organization).not.toHaveProperty('email');
  });

  it('drops fields HSDS or this service does not model, such as named contacts', () => {
    const result = validate(organization({ contacts: [{ id: 'c1', name: 'Fake Person' }], services: [service({ contacts: [{ id: 'c2' }], x_custom: 1 })] }));
    expect(result.accepted[0].organization).not.toHaveProperty('contacts');
    expect(result.accepted[0].services[0].hsds).not.toHaveProperty('contacts');
    expect(result.accepted[0].services[0].hsds).not.toHaveProperty('x_custom');
  });

  it('refuses a document without an organizations array', () => {
    for (const doc of [null, [], { organisations: [] }, { organizations: {} }]) {
      expect(validateHsdsRecords(doc).rejected).toEqual([
        { kind: 'document', index: -1, reasons: ['organizations: an array of HSDS organizations is required'] },
      ]);
    }
  });

  it.each([
    ['a missing name', { name: undefined }, /^name: /],
    ['an unknown status', { status: 'open' }, /^status: /],
    ['an id with spaces', { id: 'svc 1' }, /^id: identifier characters only/],
    ['minimum above maximum age', { minimum_age: 65, maximum_age: 18 }, /^minimum_age: greater than maximum_age/],
    ['a negative age', { minimum_age: -1 }, /^minimum_age: /],
    ['an invalid language code', { languages: [{ id: 'l', code: 'not a code' }] }, /^languages\[0\]\.code: "not a code" is not/],
    ['a bad byday', { schedules: [{ id: 's', byday: 'MONDAY', opens_at: '09:00', closes_at: '10:00' }] }, /^schedules\[0\]\.byday: /],
    ['an ordinal byday in a weekly schedule', { schedules: [{ id: 's', byday: '2MO', freq: 'WEEKLY', opens_at: '09:00', closes_at: '10:00' }] }, /ordinal day/],
    ['an opening time without a closing time', { schedules: [{ id: 's', opens_at: '09:00' }] }, /opens_at and closes_at go together/],
    ['a time out of range', { schedules: [{ id: 's', opens_at: '25:00', closes_at: '26:00' }] }, /^schedules\[0\]\.opens_at: /],
    ['valid_to before valid_from', { schedules: [{ id: 's', valid_from: '2025-05-01', valid_to: '2025-04-01' }] }, /valid_to: before valid_from/],
    ['latitude without longitude', { service_at_locations: [{ id: 'sal', location: location({ longitude: null }) }] }, /latitude and longitude go together/],
    ['a latitude out of range', { service_at_locations: [{ id: 'sal', location: location({ latitude: 91 }) }] }, /^service_at_locations\[0\]\.location\.latitude: /],
    ['an unknown location_id', { service_at_locations: [{ id: 'sal', location_id: 'loc-missing' }] }, /location_id: loc-missing is not among/],
    ['a service_at_location with no location', { service_at_locations: [{ id: 'sal' }] }, /needs a location or a location_id/],
    ['another organization id', { organization_id: 'org-2' }, /^organization_id: org-2 is not the enclosing organization org-1/],
    ['more available than maximum', { capacities: [{ id: 'c', unit: { id: 'u', name: 'Bed' }, available: 9, maximum: 3, updated: '2025-01-01T00:00:00Z' }] }, /available: greater than maximum/],
    ['a capacity without its update time', { capacities: [{ id: 'c', unit: { id: 'u', name: 'Bed' }, available: 1 }] }, /^capacities\[0\]\.updated: /],
    ['an unknown capacity status', { attributes: [{ id: 'a', link_type: CAPACITY_STATUS_LINK_TYPE, value: 'full-ish' }] }, /capacity status must be/],
  ])('refuses a service with %s, with the reason', (_label, overrides, reason) => {
    const result = validate(organization({ services: [service(overrides)] }));
    expect(result.accepted[0].services).toEqual([]);
    expect(result.rejected).toHaveLength(1);
    const [rejection] = result.rejected;
    expect(rejection).toMatchObject({ kind: 'service', index: 0, organizationId: 'org-1', serviceIndex: 0 });
    expect(rejection.reasons.some((r) => reason.test(r))).toBe(true);
  });

  it('keeps the valid services of an organization when one is refused', () => {
    const result = validate(organization({ services: [service({ id: 'svc-bad', status: 'unknown' }), service({ id: 'svc-good' })] }));
    expect(result.accepted[0].services.map((s) => s.id)).toEqual(['svc-good']);
    expect(result.rejected).toEqual([expect.objectContaining({ kind: 'service', id: 'svc-bad', serviceIndex: 0 })]);
    expect(result.counts).toEqual({ organizations: 1, acceptedOrganizations: 1, services: 2, acceptedServices: 1 });
  });

  it('refuses an invalid organization together with its services', () => {
    const result = validate(organization({ id: 'org-bad', description: null }), organization({ id: 'org-2', services: [service({ id: 'svc-2' })] }));
    expect(result.accepted.map((o) => o.id)).toEqual(['org-2']);
    expect(result.rejected).toEqual([{ kind: 'organization', index: 0, id: 'org-bad', reasons: [expect.stringMatching(/^description: /)] }]);
    expect(result.counts.acceptedServices).toBe(1);
  });

  it('refuses duplicate organization and service ids', () => {
    const result = validate(organization(), organization({ services: [] }), organization({ id: 'org-3' }));
    expect(result.rejected).toEqual([
      { kind: 'organization', index: 1, id: 'org-1', reasons: ['id: duplicate organization id'] },
      expect.objectContaining({ kind: 'service', index: 2, id: 'svc-1', reasons: ['id: duplicate service id (first at organizations[0].services[0])'] }),
    ]);
  });

  it('caps the reasons of a badly broken record', () => {
    const schedules = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, opens_at: 'nope', closes_at: 'nope' }));
    const [rejection] = validate(organization({ services: [service({ schedules })] })).rejected;
    expect(rejection.reasons).toHaveLength(20);
    expect(rejection.reasons[19]).toBe('... and 41 more');
  });

  it('resolves location_id against the organization locations', () => {
    const result = validate(
      organization({
        locations: [location({ id: 'loc-shared', latitude: 42.4, longitude: -71.1, languages: [{ id: 'll', name: 'Haitian Creole' }] })],
        services: [service({ languages: [], service_at_locations: [{ id: 'sal-1', location_id: 'loc-shared' }] })],
      }),
    );
    expect(result.rejected).toEqual([]);
    const [document] = result.accepted[0].services;
    expect(document.locations).toEqual([{ id: 'loc-shared', latitude: 42.4, longitude: -71.1, postalCode: '00001' }]);
    // Without service languages, the languages spoken at its locations stand in.
    expect(document.languages).toEqual(['ht']);
  });

  it('leaves virtual and unplaced locations out of the distance locations', () => {
    const result = validate(
      organization({
        services: [
          service({
            service_at_locations: [
              { id: 'sal-v', location: { id: 'loc-v', location_type: 'virtual', url: 'https://fake.example.org', latitude: 1, longitude: 1 } },
              { id: 'sal-n', location: { id: 'loc-n', location_type: 'physical' } },
            ],
          }),
        ],
      }),
    );
    expect(result.accepted[0].services[0].locations).toEqual([]);
  });

  describe('capacity status', () => {
    const capacity = (available: number) => ({ id: `cap-${available}`, unit: { id: 'u-bed', name: 'Bed' }, available, maximum: 10, updated: '2025-05-01T08:00:00Z' });
    const statusAttribute = (value: string) => ({ id: `a-${value}`, link_type: CAPACITY_STATUS_LINK_TYPE, value });
    const statusOf = (overrides: Json) => validate(organization({ services: [service(overrides)] })).accepted[0].services[0];

    it('derives has-capacity and no-capacity from the counts', () => {
      expect(statusOf({ capacities: [capacity(3)] })).toMatchObject({ capacityStatus: 'has-capacity', capacityReported: true, capacityUpdatedAt: '2025-05-01T08:00:00Z' });
      expect(statusOf({ capacities: [capacity(0)] })).toMatchObject({ capacityStatus: 'no-capacity', capacityReported: true });
    });

    it('prefers a stated status, and does not count it as a category term', () => {
      const document = statusOf({
        capacities: [capacity(0)],
        attributes: [...(service().attributes as Json[]), statusAttribute('waitlist')],
      });
      expect(document).toMatchObject({ capacityStatus: 'waitlist', capacityReported: true, categoryKeys: ['food-insecurity'] });
      expect(document.taxonomyTermIds).toEqual(['term-food_pantry']);
      expect(statusOf({ attributes: [statusAttribute('additional-assessment-required')] }).capacityStatus).toBe('additional-assessment-required');
    });
  });

  it('maps descendant and careloop terms to categories and keeps unknown taxonomies searchable', () => {
    const document = validate(
      organization({
        services: [
          service({
            attributes: [
              { id: 'a1', link_type: 'service_category', taxonomy_term: term('human_services:transit:transportation:transportation_for_healthcare', 'Transportation for Healthcare') },
              { id: 'a2', link_type: 'service_category', taxonomy_term: { id: 't2', code: 'legal', name: 'Legal help', description: 'x', taxonomy: 'https://careloop.example/taxonomy/need-category' } },
              { id: 'a3', link_type: 'service_category', taxonomy_term: { id: 't3', code: 'BD-1800.2000', name: 'Food Pantries', description: 'x', taxonomy: 'other' } },
              { id: 'a4', link_type: 'service_category', taxonomy_term_id: 't4' },
            ],
          }),
        ],
      }),
    ).accepted[0].services[0];
    expect(document.categoryKeys).toEqual(['transportation', 'legal']);
    expect(document.taxonomyTermIds).toEqual(['term-transportation_for_healthcare', 't2', 't3', 't4']);
    expect(document.searchTokens).toEqual(expect.arrayContaining(['pantries']));
  });
});
