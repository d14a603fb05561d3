import { NEED_CATEGORIES } from '@careloop/contracts';
import {
  CARELOOP_NEED_CATEGORY_TAXONOMY,
  NEED_CATEGORY_TAXONOMY,
  needCategoriesForTermCode,
  RELATED_NEED_CATEGORIES,
} from './need-category-taxonomy';

describe('NEED_CATEGORY_TAXONOMY', () => {
  it.each(NEED_CATEGORIES)('gives %s at least one Open Eligibility term that maps back to it', (category) => {
    const terms = NEED_CATEGORY_TAXONOMY[category];
    expect(terms.length).toBeGreaterThan(0);
    for (const { code } of terms) {
      expect(code).toMatch(/^human_services(:[a-z0-9_]+)+$/);
      expect(needCategoriesForTermCode(code)).toContain(category);
    }
  });

  it('lets a term stand for its descendants, the most specific listed ancestor winning', () => {
    expect(needCategoriesForTermCode('human_services:food:food_pantry:mobile_pantry')).toEqual(['food-insecurity']);
    // help_pay_for_utilities sits under help_pay_for_housing but is listed itself.
    expect(needCategoriesForTermCode('human_services:housing:help_pay_for_housing:help_pay_for_utilities')).toEqual(['utilities']);
    expect(needCategoriesForTermCode('human_services:housing:help_pay_for_housing')).toEqual(['housing-instability']);
    expect(needCategoriesForTermCode('HUMAN_SERVICES:LEGAL:NOTARY')).toEqual(['legal']);
  });

  it('maps counseling to every mental health category', () => {
    expect(needCategoriesForTermCode('human_services:health:mental_health_care:counseling').sort()).toEqual(['anxiety', 'depression', 'mental-health']);
  });

  it('maps nothing it does not know', () => {
    expect(needCategoriesForTermCode('human_services:housing')).toEqual([]);
    expect(needCategoriesForTermCode('human_services:education:tutoring')).toEqual([]);
    expect(needCategoriesForTermCode('BD-1800.2000')).toEqual([]);
  });

  it('reads our own need-category taxonomy directly', () => {
    expect(needCategoriesForTermCode('utilities', CARELOOP_NEED_CATEGORY_TAXONOMY)).toEqual(['utilities']);
    expect(needCategoriesForTermCode('food', CARELOOP_NEED_CATEGORY_TAXONOMY)).toEqual([]);
  });

  it('never relates a category to itself, and relates the mental health family both ways', () => {
    for (const category of NEED_CATEGORIES) {
      expect(RELATED_NEED_CATEGORIES[category]).not.toContain(category);
    }
    expect(RELATED_NEED_CATEGORIES['mental-health']).toContain('depression');
    expect(RELATED_NEED_CATEGORIES.depression).toContain('mental-health');
  });
});
