import { AssessedNeed, ManagerRole, NeedCategory } from '@careloop/contracts';

/**
 * Categories that are clinical whatever domain the assessment stamped on them. A clinical need that reaches a case
 * manager by mislabelling is a safety problem; the reverse only costs a hand-over, so the category wins towards clinical.
 */
export const CLINICAL_CATEGORIES: ReadonlySet<NeedCategory> = new Set<NeedCategory>([
  'depression',
  'anxiety',
  'self-harm-risk',
  'mental-health',
]);

export type RoutingReason =
  | 'clinical-need'
  | 'clinical-category'
  | 'community-resource-need'
  | 'safety-need'
  | 'insurance-navigation'
  | 'legal-navigation';

export interface NeedRoute {
  readonly role: ManagerRole;
  readonly reason: RoutingReason;
}

/** Clinical needs go to a care manager; social, resource, insurance and legal needs to a case manager (DOMAIN.md). */
export function routeNeed(need: Pick<AssessedNeed, 'domain' | 'category'>): NeedRoute {
  if (need.domain === 'clinical') return { role: 'care-manager', reason: 'clinical-need' };
  if (CLINICAL_CATEGORIES.has(need.category)) return { role: 'care-manager', reason: 'clinical-category' };
  switch (need.category) {
    case 'insurance':
      return { role: 'case-manager', reason: 'insurance-navigation' };
    case 'legal':
      return { role: 'case-manager', reason: 'legal-navigation' };
    case 'interpersonal-safety':
      return { role: 'case-manager', reason: 'safety-need' };
    default:
      return { role: 'case-manager', reason: 'community-resource-need' };
  }
}

export interface NeedsByRole<N> {
  readonly role: ManagerRole;
  readonly needs: readonly N[];
  readonly urgent: boolean;
}

/** One group per role, so the caller emits one CaseAssigned per role with all its need ids. Order: care manager first. */
export function groupNeedsByRole<N extends Pick<AssessedNeed, 'domain' | 'category' | 'urgent'>>(
  needs: readonly N[],
): NeedsByRole<N>[] {
  const groups = new Map<ManagerRole, N[]>();
  for (const need of needs) {
    const { role } = routeNeed(need);
    groups.set(role, [...(groups.get(role) ?? []), need]);
  }
  const order: ManagerRole[] = ['care-manager', 'case-manager'];
  return order
    .filter((role) => groups.has(role))
    .map((role) => {
      const grouped = groups.get(role) ?? [];
      return { role, needs: grouped, urgent: grouped.some((n) => n.urgent) };
    });
}

export interface ManagerAvailability {
  readonly managerId: string;
  readonly role: ManagerRole;
  readonly openCaseCount: number;
  readonly active: boolean;
  /** BCP 47 tags the manager can work in. */
  readonly languages?: readonly string[];
}

/** An assignment the client already has (from this service's own case records). */
export interface ExistingAssignment {
  readonly caseId: string;
  readonly role: ManagerRole;
  readonly managerId: string;
  readonly active: boolean;
}

export type AssigneeChoice =
  | {
      readonly kind: 'assigned';
      readonly role: ManagerRole;
      readonly managerId: string;
      readonly reason: 'existing-assignment';
      readonly caseId: string;
    }
  | {
      readonly kind: 'assigned';
      readonly role: ManagerRole;
      readonly managerId: string;
      readonly reason: 'caseload-balance';
      /** Set when an existing assignment of this role could not be kept (its manager is inactive or unknown). */
      readonly previousManagerId?: string;
      readonly previousCaseId?: string;
    }
  | {
      readonly kind: 'unassigned';
      readonly role: ManagerRole;
      readonly reason: 'no-manager-available';
      readonly previousManagerId?: string;
    };

export interface ChooseAssigneeOptions {
  /**
   * The client's preferred language. Only breaks ties between equally loaded managers: language matters, but an
   * overloaded bilingual manager is worse for the client than a free one with an interpreter.
   */
  readonly preferredLanguage?: string;
}

function primaryLanguage(tag: string): string {
  return tag.split('-')[0].toLowerCase();
}

/**
 * Keeps the client's active assignment of that role when its manager is still active (continuity of care);
 * otherwise the active manager of that role with the fewest open cases, ties broken by managerId so the choice is
 * reproducible when an event is replayed.
 */
export function chooseAssignee(
  role: ManagerRole,
  managers: readonly ManagerAvailability[],
  existing: readonly ExistingAssignment[],
  options: ChooseAssigneeOptions = {},
): AssigneeChoice {
  const activeOfRole = managers.filter((m) => m.role === role && m.active);
  const current = existing.find((a) => a.role === role && a.active);
  if (current && activeOfRole.some((m) => m.managerId === current.managerId)) {
    return { kind: 'assigned', role, managerId: current.managerId, reason: 'existing-assignment', caseId: current.caseId };
  }
  const previous = current ? { previousManagerId: current.managerId } : {};
  if (activeOfRole.length === 0) {
    return { kind: 'unassigned', role, reason: 'no-manager-available', ...previous };
  }
  const wanted = options.preferredLanguage ? primaryLanguage(options.preferredLanguage) : undefined;
  const speaks = (m: ManagerAvailability): number =>
    wanted && (m.languages ?? []).some((l) => primaryLanguage(l) === wanted) ? 0 : 1;
  const [chosen] = [...activeOfRole].sort(
    (a, b) =>
      a.openCaseCount - b.openCaseCount ||
      speaks(a) - speaks(b) ||
      (a.managerId < b.managerId ? -1 : a.managerId > b.managerId ? 1 : 0),
  );
  return {
    kind: 'assigned',
    role,
    managerId: chosen.managerId,
    reason: 'caseload-balance',
    ...(current ? { previousManagerId: current.managerId, previousCaseId: current.caseId } : {}),
  };
}

/** The role -> manager map `applyNeeds` takes, from the choices made for each role. */
export function assignmentsFrom(choices: readonly AssigneeChoice[]): Partial<Record<ManagerRole, string>> {
  const out: Partial<Record<ManagerRole, string>> = {};
  for (const c of choices) if (c.kind === 'assigned') out[c.role] = c.managerId;
  return out;
}
