/// <reference types="jest" />
import { NEED_CATEGORIES, NeedCategory } from '@careloop/contracts';
import { ExistingAssignment, ManagerAvailability, assignmentsFrom, chooseAssignee, groupNeedsByRole, routeNeed } from './routing';

const clinical: NeedCategory[] = ['depression', 'anxiety', 'self-harm-risk', 'mental-health'];

describe('routeNeed', () => {
  it.each(clinical)('sends clinical %s to a care manager', (category) => {
    expect(routeNeed({ domain: 'clinical', category })).toEqual({ role: 'care-manager', reason: 'clinical-need' });
  });

  it.each([
    ['food-insecurity', 'community-resource-need'],
    ['housing-instability', 'community-resource-need'],
    ['housing-quality', 'community-resource-need'],
    ['transportation', 'community-resource-need'],
    ['utilities', 'community-resource-need'],
    ['interpersonal-safety', 'safety-need'],
    ['insurance', 'insurance-navigation'],
    ['legal', 'legal-navigation'],
  ] as const)('sends social %s to a case manager (%s)', (category, reason) => {
    expect(routeNeed({ domain: 'social', category })).toEqual({ role: 'case-manager', reason });
  });

  it('keeps a clinical category with a care manager even when stamped social', () => {
    expect(routeNeed({ domain: 'social', category: 'self-harm-risk' })).toEqual({
      role: 'care-manager',
      reason: 'clinical-category',
    });
  });

  it('routes every category to exactly one role', () => {
    for (const category of NEED_CATEGORIES) {
      const { role } = routeNeed({ domain: 'social', category });
      expect(role).toBe(clinical.includes(category) ? 'care-manager' : 'case-manager');
    }
  });
});

describe('groupNeedsByRole', () => {
  it('groups a mixed assessment into one group per role, care manager first, urgent if any need is', () => {
    const groups = groupNeedsByRole([
      { needId: 'n-food', domain: 'social', category: 'food-insecurity', urgent: false },
      { needId: 'n-dep', domain: 'clinical', category: 'depression', urgent: false },
      { needId: 'n-safety', domain: 'social', category: 'interpersonal-safety', urgent: true },
    ] as const);
    expect(groups.map((g) => [g.role, g.needs.map((n) => n.needId), g.urgent])).toEqual([
      ['care-manager', ['n-dep'], false],
      ['case-manager', ['n-food', 'n-safety'], true],
    ]);
  });

  it('returns nothing for no needs', () => {
    expect(groupNeedsByRole([])).toEqual([]);
  });
});

describe('chooseAssignee', () => {
  const managers: ManagerAvailability[] = [
    { managerId: 'mgr-c', role: 'case-manager', openCaseCount: 12, active: true },
    { managerId: 'mgr-b', role: 'case-manager', openCaseCount: 7, active: true, languages: ['en'] },
    { managerId: 'mgr-a', role: 'case-manager', openCaseCount: 7, active: true, languages: ['es'] },
    { managerId: 'mgr-z', role: 'case-manager', openCaseCount: 1, active: false },
    { managerId: 'mgr-n', role: 'care-manager', openCaseCount: 3, active: true },
  ];

  it('picks the active manager of the role with the fewest open cases, ties by managerId', () => {
    expect(chooseAssignee('case-manager', managers, [])).toEqual({
      kind: 'assigned',
      role: 'case-manager',
      managerId: 'mgr-a',
      reason: 'caseload-balance',
    });
  });

  it('ignores inactive managers and managers of the other role', () => {
    const choice = chooseAssignee('care-manager', managers, []);
    expect(choice).toMatchObject({ kind: 'assigned', managerId: 'mgr-n' });
  });

  it('breaks a caseload tie by language before managerId when asked', () => {
    expect(chooseAssignee('case-manager', managers, [], { preferredLanguage: 'en-US' })).toMatchObject({ managerId: 'mgr-b' });
  });

  it('never prefers a speaker of the language over a lighter caseload', () => {
    const lighter: ManagerAvailability[] = [
      { managerId: 'mgr-es', role: 'case-manager', openCaseCount: 9, active: true, languages: ['es'] },
      { managerId: 'mgr-en', role: 'case-manager', openCaseCount: 2, active: true, languages: ['en'] },
    ];
    expect(chooseAssignee('case-manager', lighter, [], { preferredLanguage: 'es' })).toMatchObject({ managerId: 'mgr-en' });
  });

  it('keeps an existing active assignment of that role, whatever the caseloads', () => {
    const existing: ExistingAssignment[] = [
      { caseId: 'case-1', role: 'case-manager', managerId: 'mgr-c', active: true },
      { caseId: 'case-2', role: 'care-manager', managerId: 'mgr-n', active: true },
    ];
    expect(chooseAssignee('case-manager', managers, existing)).toEqual({
      kind: 'assigned',
      role: 'case-manager',
      managerId: 'mgr-c',
      reason: 'existing-assignment',
      caseId: 'case-1',
    });
  });

  it('does not keep a closed assignment', () => {
    const existing: ExistingAssignment[] = [{ caseId: 'case-1', role: 'case-manager', managerId: 'mgr-c', active: false }];
    expect(chooseAssignee('case-manager', managers, existing)).toMatchObject({ managerId: 'mgr-a', reason: 'caseload-balance' });
  });

  it('rebalances, naming the previous manager, when the assigned manager is no longer active', () => {
    const existing: ExistingAssignment[] = [{ caseId: 'case-9', role: 'case-manager', managerId: 'mgr-z', active: true }];
    expect(chooseAssignee('case-manager', managers, existing)).toEqual({
      kind: 'assigned',
      role: 'case-manager',
      managerId: 'mgr-a',
      reason: 'caseload-balance',
      previousManagerId: 'mgr-z',
      previousCaseId: 'case-9',
    });
  });

  it('returns a typed unassigned result when nobody of that role is available', () => {
    const onlyInactive = managers.filter((m) => m.role === 'case-manager').map((m) => ({ ...m, active: false }));
    expect(chooseAssignee('case-manager', onlyInactive, [])).toEqual({
      kind: 'unassigned',
      role: 'case-manager',
      reason: 'no-manager-available',
    });
    expect(chooseAssignee('care-manager', [], [])).toMatchObject({ kind: 'unassigned', reason: 'no-manager-available' });
  });

  it('builds the role map applyNeeds takes, skipping unassigned roles', () => {
    const choices = [chooseAssignee('case-manager', managers, []), chooseAssignee('care-manager', [], [])];
    expect(assignmentsFrom(choices)).toEqual({ 'case-manager': 'mgr-a' });
  });
});
