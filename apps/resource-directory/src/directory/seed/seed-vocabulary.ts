import type { NeedCategory } from '@careloop/contracts';

/*
 * Invented words for invented organizations. Place words are generic; any likeness to a real organization is
 * accidental. No person's name appears anywhere.
 */

export const SEED_FAMILIES = ['food', 'housing', 'transportation', 'utilities', 'safety', 'mental-health', 'legal-aid'] as const;
export type SeedFamily = (typeof SEED_FAMILIES)[number];

/** How often each family appears; food and housing dominate real directories. */
export const SEED_FAMILY_WEIGHTS: Readonly<Record<SeedFamily, number>> = {
  food: 20,
  housing: 18,
  'mental-health': 16,
  'legal-aid': 12,
  transportation: 12,
  utilities: 12,
  safety: 10,
};

export type ScheduleProfile = 'weekdays' | 'mwf-and-saturday' | 'evenings' | 'overnight' | 'always' | 'monthly' | 'winter-season';

export type CapacityUnitName = 'Household' | 'Bed' | 'Appointment' | 'Ride' | 'Case';

export interface ServiceTemplate {
  name: string;
  category: NeedCategory;
  description: string;
  schedules: readonly ScheduleProfile[];
  unit: CapacityUnitName;
  /** Delivered by phone only: no service_at_location. */
  remote?: boolean;
}

export interface FamilyVocabulary {
  organizationKinds: readonly string[];
  services: readonly ServiceTemplate[];
}

export const PLACE_WORDS = [
  'Harbor', 'Maple', 'Riverside', 'Cedar', 'Beacon', 'Willow', 'Granite', 'Oak Hill', 'Lantern', 'Meadow', 'Bayview',
  'Elm', 'Juniper', 'Northgate', 'Sunrise', 'Union', 'Highland', 'Mill Pond', 'Orchard', 'Summit', 'Kestrel',
  'Larkspur', 'Copper', 'Brightwater', 'Foxglove', 'Tidewater', 'Lilac', 'Ironwood', 'Clover', 'Stonebridge',
] as const;

export const PLACE_KINDS = ['Street', 'Avenue', 'Square', 'Commons', 'Hill', 'Park', 'Crossing', 'Landing', 'Valley'] as const;

export const STREET_WORDS = [
  'Harbor', 'Maple', 'Cedar', 'Willow', 'Granite', 'Chestnut', 'Linden', 'Spruce', 'Birch', 'Poplar', 'Hawthorn',
  'Aster', 'Wren', 'Heron', 'Marigold', 'Thistle', 'Quarry', 'Ferry', 'Canal', 'Mill',
] as const;

export const STREET_KINDS = ['Street', 'Avenue', 'Road', 'Way', 'Lane', 'Place'] as const;

/** Fictional towns of the seed region. */
export const TOWNS = ['Harborview', 'Millbrook', 'Eastbridge', 'Cedar Falls', 'Northshore', 'Kingsport', 'Willow Bend', 'Lanternside'] as const;

export const SEED_LANGUAGES: ReadonlyArray<{ code: string; name: string; weight: number }> = [
  { code: 'es', name: 'Spanish', weight: 30 },
  { code: 'pt', name: 'Portuguese', weight: 14 },
  { code: 'zh', name: 'Chinese', weight: 12 },
  { code: 'vi', name: 'Vietnamese', weight: 10 },
  { code: 'ht', name: 'Haitian Creole', weight: 12 },
  { code: 'ar', name: 'Arabic', weight: 8 },
];

export const FAMILY_VOCABULARY: Readonly<Record<SeedFamily, FamilyVocabulary>> = {
  food: {
    organizationKinds: ['Food Pantry', 'Community Kitchen', 'Food Bank', 'Neighborhood Table'],
    services: [
      { name: 'Weekly Grocery Distribution', category: 'food-insecurity', description: 'Free groceries for households, including fresh produce, dairy and shelf-stable food.', schedules: ['mwf-and-saturday', 'weekdays'], unit: 'Household' },
      { name: 'Hot Meal Program', category: 'food-insecurity', description: 'A free hot meal served at the table, no questions asked.', schedules: ['weekdays', 'evenings'], unit: 'Household' },
      { name: 'Mobile Food Market', category: 'food-insecurity', description: 'A market on wheels bringing free fruit and vegetables to the neighborhood once a month.', schedules: ['monthly'], unit: 'Household' },
      { name: 'Home-Delivered Groceries', category: 'food-insecurity', description: 'Grocery boxes delivered to people who cannot leave home.', schedules: ['weekdays'], unit: 'Household' },
      { name: 'SNAP Application Help', category: 'food-insecurity', description: 'Help applying for and keeping food benefits.', schedules: ['weekdays', 'evenings'], unit: 'Appointment' },
    ],
  },
  housing: {
    organizationKinds: ['Housing Services', 'Shelter', 'Tenant Resource Center', 'Home Partners'],
    services: [
      { name: 'Emergency Overnight Shelter', category: 'housing-instability', description: 'Safe overnight beds, showers and breakfast for adults without a place to stay.', schedules: ['overnight'], unit: 'Bed' },
      { name: 'Rental Assistance Program', category: 'housing-instability', description: 'One-time help with back rent to prevent eviction.', schedules: ['weekdays'], unit: 'Case' },
      { name: 'Housing Search Assistance', category: 'housing-instability', description: 'Housing navigators help find and apply for affordable apartments.', schedules: ['weekdays', 'evenings'], unit: 'Appointment' },
      { name: 'Home Repair Program', category: 'housing-quality', description: 'Free repairs for heating, plumbing and accessibility in owner-occupied homes.', schedules: ['weekdays'], unit: 'Case' },
      { name: 'Healthy Homes Inspections', category: 'housing-quality', description: 'Inspections and fixes for mold, pests and lead hazards in rented homes.', schedules: ['weekdays'], unit: 'Appointment' },
    ],
  },
  transportation: {
    organizationKinds: ['Ride Program', 'Community Transit', 'Mobility Project'],
    services: [
      { name: 'Medical Appointment Rides', category: 'transportation', description: 'Free rides to medical, dental and pharmacy appointments.', schedules: ['weekdays'], unit: 'Ride' },
      { name: 'Reduced-Fare Transit Passes', category: 'transportation', description: 'Monthly transit passes at a reduced fare for eligible residents.', schedules: ['weekdays', 'mwf-and-saturday'], unit: 'Appointment' },
      { name: 'Door-to-Door Senior Shuttle', category: 'transportation', description: 'A wheelchair-accessible shuttle for errands and appointments.', schedules: ['weekdays'], unit: 'Ride' },
      { name: 'Volunteer Driver Program', category: 'transportation', description: 'Volunteer drivers for trips the bus does not reach.', schedules: ['weekdays', 'mwf-and-saturday'], unit: 'Ride' },
    ],
  },
  utilities: {
    organizationKinds: ['Energy Assistance', 'Utility Relief Fund', 'Warm Homes Collaborative'],
    services: [
      { name: 'Heating Bill Assistance', category: 'utilities', description: 'Help paying heating bills during the cold months.', schedules: ['winter-season', 'weekdays'], unit: 'Case' },
      { name: 'Utility Shutoff Prevention', category: 'utilities', description: 'Advocates work with utility companies to stop or reverse a shutoff.', schedules: ['weekdays'], unit: 'Case' },
      { name: 'Energy Bill Payment Plans', category: 'utilities', description: 'Help setting up affordable payment plans for electric and gas bills.', schedules: ['weekdays', 'evenings'], unit: 'Appointment' },
      { name: 'Water Bill Relief', category: 'utilities', description: 'Credits and arrears help for water and sewer bills.', schedules: ['weekdays'], unit: 'Case' },
    ],
  },
  safety: {
    organizationKinds: ['Safe Haven', 'Family Safety Center', 'Survivor Alliance'],
    services: [
      { name: 'Confidential Safety Planning', category: 'interpersonal-safety', description: 'Advocates help make a safety plan, in person or by phone, confidentially.', schedules: ['weekdays', 'evenings'], unit: 'Appointment' },
      { name: 'Emergency Safe Housing', category: 'interpersonal-safety', description: 'Confidential emergency housing for people leaving an unsafe home.', schedules: ['always'], unit: 'Bed' },
      { name: 'Survivor Advocacy Services', category: 'interpersonal-safety', description: 'Court accompaniment, protective order help and ongoing support.', schedules: ['weekdays'], unit: 'Case' },
      { name: 'Safety Hotline', category: 'interpersonal-safety', description: 'A confidential hotline answered day and night.', schedules: ['always'], unit: 'Case', remote: true },
    ],
  },
  'mental-health': {
    organizationKinds: ['Counseling Center', 'Wellness Collective', 'Behavioral Health Partners'],
    services: [
      { name: 'Individual Counseling', category: 'mental-health', description: 'Short-term counseling for depression, anxiety and stress, on a sliding scale.', schedules: ['weekdays', 'evenings'], unit: 'Appointment' },
      { name: 'Support Groups', category: 'mental-health', description: 'Peer-led support groups for anxiety, grief and life changes.', schedules: ['evenings'], unit: 'Appointment' },
      { name: 'Walk-In Counseling', category: 'mental-health', description: 'A same-day counseling session without an appointment.', schedules: ['mwf-and-saturday'], unit: 'Appointment' },
      { name: 'Crisis Support Line', category: 'self-harm-risk', description: 'Trained counselors answer day and night for anyone in emotional crisis.', schedules: ['always'], unit: 'Case', remote: true },
    ],
  },
  'legal-aid': {
    organizationKinds: ['Legal Aid Society', 'Law Clinic', 'Justice Project'],
    services: [
      { name: 'Eviction Defense Clinic', category: 'legal', description: 'Free legal advice and representation for tenants facing eviction.', schedules: ['weekdays', 'evenings'], unit: 'Case' },
      { name: 'Benefits Appeals Help', category: 'legal', description: 'Help appealing denied public benefits.', schedules: ['weekdays'], unit: 'Case' },
      { name: 'Immigration Legal Consultations', category: 'legal', description: 'Free consultations with an immigration attorney or accredited representative.', schedules: ['weekdays', 'mwf-and-saturday'], unit: 'Appointment' },
      { name: 'Health Insurance Enrollment Help', category: 'insurance', description: 'Navigators help apply for Medicaid, Medicare Savings Programs and marketplace plans.', schedules: ['weekdays', 'evenings'], unit: 'Appointment' },
      { name: 'Family Law Advice', category: 'legal', description: 'Advice on custody, support and protective orders.', schedules: ['evenings'], unit: 'Appointment' },
    ],
  },
};
