import { NEED_CATEGORIES, type NeedCategory } from '@careloop/contracts';

/**
 * Need categories are mapped onto the Open Eligibility human services taxonomy (Aunt Bertha / findhelp,
 * CC BY-SA 3.0, https://github.com/auntbertha/openeligibility): it is open, hierarchical and its codes are stable
 * slug paths (`human_services:food:food_pantry`). The AIRS/211 LA taxonomy was not used because its licence does
 * not allow redistribution of its codes.
 */
export const OPEN_ELIGIBILITY_TAXONOMY = 'https://github.com/auntbertha/openeligibility';

/**
 * A taxonomy of our own so a feed can also tag a service with a need category directly (code = the category key).
 */
export const CARELOOP_NEED_CATEGORY_TAXONOMY = 'https://careloop.example/taxonomy/need-category';

/** The attribute link_type our exports use for a service's category terms (HSDS leaves the codelist open). */
export const SERVICE_CATEGORY_LINK_TYPE = 'service_category';

export interface TaxonomyTermRef {
  code: string;
  name: string;
}

const term = (code: string, name: string): TaxonomyTermRef => ({ code, name });

const MENTAL_HEALTH_CARE = term('human_services:health:mental_health_care', 'Mental Health Care');
const COUNSELING = term('human_services:health:mental_health_care:counseling', 'Counseling');
const INDIVIDUAL_COUNSELING = term(
  'human_services:health:mental_health_care:counseling:individual_counseling',
  'Individual Counseling',
);
const PSYCHIATRIC_EMERGENCY = term('human_services:emergency:psychiatric_emergency_services', 'Psychiatric Emergency Services');
const HELP_PAY_FOR_UTILITIES = term(
  'human_services:housing:help_pay_for_housing:help_pay_for_utilities',
  'Help Pay for Utilities',
);

/**
 * The terms each need category is served by. The first term is the one the seed generator tags services with.
 * A term stands for its descendants too, unless a descendant is listed itself (the most specific listed
 * ancestor wins, see `needCategoriesForTermCode`).
 */
export const NEED_CATEGORY_TAXONOMY: Readonly<Record<NeedCategory, readonly TaxonomyTermRef[]>> = {
  depression: [COUNSELING, INDIVIDUAL_COUNSELING, MENTAL_HEALTH_CARE],
  anxiety: [COUNSELING, INDIVIDUAL_COUNSELING, MENTAL_HEALTH_CARE],
  'self-harm-risk': [
    PSYCHIATRIC_EMERGENCY,
    term('human_services:health:mental_health_care:psychiatric_emergency_services', 'Psychiatric Emergency Services'),
    term('human_services:care:support_network:help_hotlines', 'Help Hotlines'),
  ],
  'food-insecurity': [
    term('human_services:food:food_pantry', 'Food Pantry'),
    term('human_services:food', 'Food'),
    term('human_services:food:free_meals', 'Free Meals'),
    term('human_services:food:emergency_food', 'Emergency Food'),
    term('human_services:food:food_delivery', 'Food Delivery'),
    term('human_services:emergency:emergency_food', 'Emergency Food'),
    term('human_services:money:government_benefits:food_benefits', 'Food Benefits'),
  ],
  'housing-instability': [
    term('human_services:housing:emergency_shelter', 'Emergency Shelter'),
    term('human_services:housing:temporary_shelter', 'Temporary Shelter'),
    term('human_services:housing:help_find_housing', 'Help Find Housing'),
    term('human_services:housing:help_pay_for_housing', 'Help Pay for Housing'),
    term('human_services:emergency:emergency_shelter', 'Emergency Shelter'),
    term('human_services:emergency:emergency_payments:help_pay_for_housing', 'Help Pay for Housing'),
  ],
  'housing-quality': [
    term('human_services:housing:maintenance_repairs', 'Maintenance & Repairs'),
    term('human_services:housing:maintenance_repairs:health_safety', 'Health & Safety'),
    term('human_services:housing:maintenance_repairs:pest_control', 'Pest Control'),
  ],
  transportation: [
    term('human_services:transit:transportation', 'Transportation'),
    term('human_services:transit', 'Transit'),
    term('human_services:transit:transportation:transportation_for_healthcare', 'Transportation for Healthcare'),
    term('human_services:transit:help_pay_for_transit', 'Help Pay for Transit'),
    term('human_services:health:help_pay_for_healthcare:transportation_for_healthcare', 'Transportation for Healthcare'),
  ],
  utilities: [
    HELP_PAY_FOR_UTILITIES,
    term('human_services:emergency:emergency_payments:help_pay_for_utilities', 'Help Pay for Utilities'),
    term('human_services:money:financial_assistance:help_pay_for_housing:help_pay_for_utilities', 'Help Pay for Utilities'),
  ],
  'interpersonal-safety': [
    term('human_services:emergency:immediate_safety:help_escape_violence', 'Help Escape Violence'),
    term('human_services:emergency:immediate_safety', 'Immediate Safety'),
    term('human_services:care:physical_safety:immediate_safety', 'Immediate Safety'),
    term('human_services:care:physical_safety:immediate_safety:safe_housing', 'Safe Housing'),
  ],
  'mental-health': [MENTAL_HEALTH_CARE, COUNSELING, INDIVIDUAL_COUNSELING],
  legal: [
    term('human_services:legal:advocacy_legal_aid', 'Advocacy & Legal Aid'),
    term('human_services:legal', 'Legal'),
    term('human_services:legal:representation', 'Representation'),
  ],
  insurance: [
    term('human_services:money:insurance:health_insurance', 'Health Insurance'),
    term('human_services:health:help_pay_for_healthcare:health_insurance', 'Health Insurance'),
    term('human_services:money:insurance', 'Insurance'),
  ],
};

const CATEGORIES_BY_CODE: ReadonlyMap<string, readonly NeedCategory[]> = (() => {
  const byCode = new Map<string, NeedCategory[]>();
  for (const category of NEED_CATEGORIES) {
    for (const { code } of NEED_CATEGORY_TAXONOMY[category]) {
      const categories = byCode.get(code) ?? [];
      if (!categories.includes(category)) categories.push(category);
      byCode.set(code, categories);
    }
  }
  return byCode;
})();

const isNeedCategory = (value: string): value is NeedCategory => (NEED_CATEGORIES as readonly string[]).includes(value);

/**
 * The need categories a taxonomy term serves. Open Eligibility codes are paths, so a term we do not list
 * inherits the categories of its closest listed ancestor (`human_services:food:food_pantry:mobile` -> food).
 */
export function needCategoriesForTermCode(code: string, taxonomy?: string): NeedCategory[] {
  const trimmed = code.trim();
  if (taxonomy === CARELOOP_NEED_CATEGORY_TAXONOMY) return isNeedCategory(trimmed) ? [trimmed] : [];
  const segments = trimmed.toLowerCase().split(':');
  for (let length = segments.length; length > 0; length -= 1) {
    const categories = CATEGORIES_BY_CODE.get(segments.slice(0, length).join(':'));
    if (categories) return [...categories];
  }
  return [];
}

/**
 * Categories close enough that a service for one is a weaker but real fit for another: the matcher scores them
 * as related rather than excluding them.
 */
export const RELATED_NEED_CATEGORIES: Readonly<Record<NeedCategory, readonly NeedCategory[]>> = {
  depression: ['mental-health', 'anxiety'],
  anxiety: ['mental-health', 'depression'],
  'self-harm-risk': ['mental-health'],
  'food-insecurity': [],
  'housing-instability': ['housing-quality', 'utilities'],
  'housing-quality': ['housing-instability'],
  transportation: [],
  utilities: ['housing-instability'],
  'interpersonal-safety': ['housing-instability', 'legal'],
  'mental-health': ['depression', 'anxiety'],
  legal: ['insurance'],
  insurance: ['legal'],
};
