import { ageClauses, languageClause, serviceFilter, textClauses } from './service-search-filter';

describe('service search filter', () => {
  const base = { tenantId: 't1', status: 'active' as const, page: 1, perPage: 20 };

  it('always scopes by tenant and status', () => {
    expect(serviceFilter(base)).toEqual({ tenantId: 't1', status: 'active' });
  });

  it('matches every word but the last whole, and the last as an anchored prefix, folded like stored tokens', () => {
    expect(textClauses('Café Grocery distrib')).toEqual([
      { searchTokens: { $all: ['cafe', 'grocery'] } },
      { searchTokens: { $regex: '^distrib' } },
    ]);
    expect(textClauses('Pantry')).toEqual([{ searchTokens: { $regex: '^pantry' } }]);
    expect(textClauses('the of')).toEqual([]);
  });

  it('matches a language with its regional and script variants only', () => {
    const { $regex } = languageClause('es-MX');
    const pattern = new RegExp($regex);
    expect(['es', 'es-MX', 'es-419'].every((tag) => pattern.test(tag))).toBe(true);
    expect(['est', 'en', 'e'].some((tag) => pattern.test(tag))).toBe(false);
  });

  it('lets services without an age limit through', () => {
    expect(ageClauses(30)).toEqual([
      { $or: [{ minimumAge: { $exists: false } }, { minimumAge: { $lte: 30 } }] },
      { $or: [{ maximumAge: { $exists: false } }, { maximumAge: { $gte: 30 } }] },
    ]);
  });

  it('combines every criterion', () => {
    const filter = serviceFilter({
      ...base,
      category: 'food-insecurity',
      taxonomyTermId: 'term-1',
      text: 'pantry',
      language: 'pt',
      age: 70,
    });
    expect(filter).toMatchObject({
      tenantId: 't1',
      status: 'active',
      categoryKeys: 'food-insecurity',
      taxonomyTermIds: 'term-1',
      languages: { $regex: '^pt(-|$)' },
    });
    expect(filter.$and).toHaveLength(3);
  });
});
