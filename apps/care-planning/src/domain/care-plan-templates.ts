import { CodeableConcept, ManagerRole, NEED_CATEGORIES, NeedCategory } from '@careloop/contracts';
import { routeNeed } from './routing';

export const INTERVENTION_KINDS = ['education', 'coordination', 'referral', 'monitoring', 'counseling'] as const;
export type InterventionKind = (typeof INTERVENTION_KINDS)[number];

const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
const SNOMED = 'http://snomed.info/sct';

export interface ProblemTemplate {
  readonly display: string;
  readonly code: CodeableConcept;
}

export interface GoalTemplate {
  readonly key: string;
  readonly description: string;
  /** Measurable target, e.g. `PHQ-9 < 5 within 12 weeks`. */
  readonly targetMeasure: string;
}

export interface InterventionTemplate {
  readonly key: string;
  readonly kind: InterventionKind;
  readonly description: string;
  /** True when the intervention is fulfilled by a referral to a community organization (a ReferralMade). */
  readonly communityResourceReferral: boolean;
}

export interface TaskTemplate {
  /** Travels in TaskAssigned (max 64, identifier characters): a key, never free text about a client. */
  readonly templateKey: string;
  readonly title: string;
  readonly ownerRole: ManagerRole;
  /** 0 means due the day the need is applied. */
  readonly dueInDays: number;
}

export interface CarePlanTemplate {
  readonly category: NeedCategory;
  readonly problem: ProblemTemplate;
  readonly goals: readonly GoalTemplate[];
  readonly interventions: readonly InterventionTemplate[];
  /** Routine tasks, created for every new problem of this category. */
  readonly tasks: readonly TaskTemplate[];
  /** Added (due the same day, priority urgent) when the need is urgent. */
  readonly urgentTask: TaskTemplate;
  /**
   * Categories whose urgent task is created even if the assessment did not flag the need urgent: a self-harm risk
   * always deserves a same-day check (DOMAIN.md: PHQ-9 item 9 escalates whatever the total).
   */
  readonly alwaysUrgent: boolean;
}

type TemplateBody = Omit<CarePlanTemplate, 'category' | 'tasks' | 'urgentTask' | 'alwaysUrgent'> & {
  readonly tasks: readonly Omit<TaskTemplate, 'ownerRole'>[];
  readonly urgentTask: Omit<TaskTemplate, 'ownerRole' | 'dueInDays'>;
  readonly alwaysUrgent?: boolean;
};

// Task owners follow the routing of the category, so the manager who holds the case also holds its tasks.
const BODIES: Record<NeedCategory, TemplateBody> = {
  depression: {
    problem: { display: 'Depressive symptoms', code: { system: ICD10CM, code: 'F32.A', display: 'Depression, unspecified' } },
    goals: [
      { key: 'depression-remission', description: 'Reduce depressive symptoms to remission', targetMeasure: 'PHQ-9 < 5 within 12 weeks' },
      { key: 'depression-response', description: 'Halve depressive symptom score', targetMeasure: 'PHQ-9 reduced by 50% within 8 weeks' },
    ],
    interventions: [
      { key: 'depression-education', kind: 'education', description: 'Explain depression, treatment options and what to expect', communityResourceReferral: false },
      { key: 'depression-behavioral-activation', kind: 'counseling', description: 'Behavioral activation and problem-solving sessions', communityResourceReferral: false },
      { key: 'depression-phq9-monitoring', kind: 'monitoring', description: 'Repeat PHQ-9 every 4 weeks', communityResourceReferral: false },
      { key: 'depression-peer-support-referral', kind: 'referral', description: 'Refer to a community peer-support group', communityResourceReferral: true },
    ],
    tasks: [
      { templateKey: 'depression-initial-outreach', title: 'Call client to agree the care plan', dueInDays: 3 },
      { templateKey: 'depression-phq9-reassess', title: 'Repeat PHQ-9', dueInDays: 28 },
    ],
    urgentTask: { templateKey: 'depression-urgent-outreach', title: 'Same-day outreach for severe depressive symptoms' },
  },
  anxiety: {
    problem: { display: 'Anxiety symptoms', code: { system: ICD10CM, code: 'F41.9', display: 'Anxiety disorder, unspecified' } },
    goals: [{ key: 'anxiety-remission', description: 'Reduce anxiety symptoms', targetMeasure: 'GAD-7 < 5 within 12 weeks' }],
    interventions: [
      { key: 'anxiety-education', kind: 'education', description: 'Explain anxiety and coping techniques', communityResourceReferral: false },
      { key: 'anxiety-counseling', kind: 'counseling', description: 'Brief cognitive behavioral sessions', communityResourceReferral: false },
      { key: 'anxiety-gad7-monitoring', kind: 'monitoring', description: 'Repeat GAD-7 every 4 weeks', communityResourceReferral: false },
    ],
    tasks: [
      { templateKey: 'anxiety-initial-outreach', title: 'Call client to agree the care plan', dueInDays: 3 },
      { templateKey: 'anxiety-gad7-reassess', title: 'Repeat GAD-7', dueInDays: 28 },
    ],
    urgentTask: { templateKey: 'anxiety-urgent-outreach', title: 'Same-day outreach for severe anxiety symptoms' },
  },
  'self-harm-risk': {
    problem: { display: 'Risk of self-harm', code: { system: ICD10CM, code: 'R45.851', display: 'Suicidal ideations' } },
    goals: [
      { key: 'self-harm-safety-plan', description: 'Client has a personal safety plan', targetMeasure: 'Safety plan documented within 1 day' },
      { key: 'self-harm-no-ideation', description: 'No thoughts of self-harm reported at follow-up', targetMeasure: 'PHQ-9 item 9 = 0 at every follow-up for 12 weeks' },
    ],
    interventions: [
      { key: 'self-harm-safety-planning', kind: 'counseling', description: 'Collaborative safety planning and crisis line information', communityResourceReferral: false },
      { key: 'self-harm-clinician-coordination', kind: 'coordination', description: 'Inform the treating clinician the same day', communityResourceReferral: false },
      { key: 'self-harm-weekly-monitoring', kind: 'monitoring', description: 'Weekly check-in until risk resolves', communityResourceReferral: false },
    ],
    tasks: [{ templateKey: 'self-harm-weekly-checkin', title: 'Weekly safety check-in', dueInDays: 7 }],
    urgentTask: { templateKey: 'phq9-urgent-safety-check', title: 'Same-day safety check with the client' },
    alwaysUrgent: true,
  },
  'food-insecurity': {
    problem: { display: 'Food insecurity', code: { system: ICD10CM, code: 'Z59.41', display: 'Food insecurity' } },
    goals: [
      { key: 'food-assistance-enrolled', description: 'Enrolled in a food assistance program', targetMeasure: 'Enrolment confirmed within 30 days' },
      { key: 'food-rescreen-negative', description: 'Reliable access to enough food', targetMeasure: 'Hunger Vital Sign negative at 3-month rescreen' },
    ],
    interventions: [
      { key: 'food-pantry-referral', kind: 'referral', description: 'Refer to a food pantry or meal program', communityResourceReferral: true },
      { key: 'food-benefits-application', kind: 'coordination', description: 'Help apply for food benefits (SNAP, WIC)', communityResourceReferral: false },
    ],
    tasks: [
      { templateKey: 'food-benefits-screen', title: 'Check eligibility for food benefits', dueInDays: 7 },
      { templateKey: 'food-referral-follow-up', title: 'Confirm the client received food assistance', dueInDays: 14 },
    ],
    urgentTask: { templateKey: 'food-emergency-same-day', title: 'Arrange emergency food today' },
  },
  'housing-instability': {
    problem: { display: 'Housing instability', code: { system: ICD10CM, code: 'Z59.819', display: 'Housing instability, housed unspecified' } },
    goals: [{ key: 'housing-stable', description: 'Stable housing secured', targetMeasure: 'Stable housing confirmed within 90 days' }],
    interventions: [
      { key: 'housing-assistance-referral', kind: 'referral', description: 'Refer to housing assistance or eviction prevention', communityResourceReferral: true },
      { key: 'housing-navigation', kind: 'coordination', description: 'Coordinate housing applications and documents', communityResourceReferral: false },
    ],
    tasks: [
      { templateKey: 'housing-needs-review', title: 'Review housing situation and deadlines', dueInDays: 5 },
      { templateKey: 'housing-referral-follow-up', title: 'Confirm the housing referral was accepted', dueInDays: 14 },
    ],
    urgentTask: { templateKey: 'housing-shelter-same-day', title: 'Find emergency shelter today' },
  },
  'housing-quality': {
    problem: { display: 'Inadequate housing conditions', code: { system: ICD10CM, code: 'Z59.10', display: 'Inadequate housing, unspecified' } },
    goals: [{ key: 'housing-conditions-resolved', description: 'Unsafe housing condition repaired', targetMeasure: 'Repair confirmed within 60 days' }],
    interventions: [
      { key: 'housing-repair-referral', kind: 'referral', description: 'Refer to a home repair or tenant rights program', communityResourceReferral: true },
      { key: 'housing-hazard-education', kind: 'education', description: 'Explain tenant rights and home hazard reduction', communityResourceReferral: false },
    ],
    tasks: [{ templateKey: 'housing-quality-follow-up', title: 'Confirm the repair request is progressing', dueInDays: 21 }],
    urgentTask: { templateKey: 'housing-hazard-same-day', title: 'Address an unsafe home condition today' },
  },
  transportation: {
    problem: { display: 'Transportation insecurity', code: { system: ICD10CM, code: 'Z59.82', display: 'Transportation insecurity' } },
    goals: [{ key: 'transport-reliable', description: 'Reliable transport to care', targetMeasure: 'No appointment missed for lack of transport in 3 months' }],
    interventions: [
      { key: 'transport-program-referral', kind: 'referral', description: 'Refer to a transportation program', communityResourceReferral: true },
      { key: 'transport-benefit-coordination', kind: 'coordination', description: 'Arrange the non-emergency medical transport benefit', communityResourceReferral: false },
    ],
    tasks: [{ templateKey: 'transport-arrange-rides', title: 'Arrange rides for upcoming appointments', dueInDays: 7 }],
    urgentTask: { templateKey: 'transport-same-day', title: 'Arrange transport for an appointment today' },
  },
  utilities: {
    problem: { display: 'Utility insecurity', code: { system: ICD10CM, code: 'Z59.12', display: 'Inadequate housing utilities' } },
    goals: [{ key: 'utilities-maintained', description: 'Utilities kept on', targetMeasure: 'No shut-off in the next 90 days' }],
    interventions: [
      { key: 'utility-assistance-referral', kind: 'referral', description: 'Refer to a utility assistance program (e.g. LIHEAP)', communityResourceReferral: true },
      { key: 'utility-payment-plan', kind: 'coordination', description: 'Help negotiate a payment plan with the provider', communityResourceReferral: false },
    ],
    tasks: [{ templateKey: 'utilities-assistance-follow-up', title: 'Confirm the utility assistance application', dueInDays: 14 }],
    urgentTask: { templateKey: 'utilities-shutoff-same-day', title: 'Act on an imminent utility shut-off today' },
  },
  'interpersonal-safety': {
    problem: { display: 'Interpersonal safety concern', code: { system: SNOMED, code: '706893006', display: 'Victim of intimate partner abuse' } },
    goals: [
      { key: 'safety-plan-in-place', description: 'Client has a safety plan and knows how to reach help', targetMeasure: 'Safety plan documented within 1 day' },
      { key: 'safety-advocacy-connected', description: 'Connected to an advocacy service', targetMeasure: 'First advocacy contact within 14 days' },
    ],
    interventions: [
      { key: 'safety-planning', kind: 'counseling', description: 'Safety planning with the client, using safe contact times only', communityResourceReferral: false },
      { key: 'safety-advocacy-referral', kind: 'referral', description: 'Refer to a domestic violence advocacy service', communityResourceReferral: true },
    ],
    tasks: [{ templateKey: 'safety-advocacy-follow-up', title: 'Confirm contact with the advocacy service', dueInDays: 7 }],
    urgentTask: { templateKey: 'safety-plan-same-day', title: 'Make a safety plan with the client today' },
  },
  'mental-health': {
    problem: { display: 'Mental health concern', code: { system: ICD10CM, code: 'F99', display: 'Mental disorder, not otherwise specified' } },
    goals: [{ key: 'behavioral-health-connected', description: 'Connected to a behavioral health provider', targetMeasure: 'First appointment attended within 30 days' }],
    interventions: [
      { key: 'behavioral-health-coordination', kind: 'coordination', description: 'Coordinate a behavioral health appointment', communityResourceReferral: false },
      { key: 'mental-health-monitoring', kind: 'monitoring', description: 'Monthly check-in on symptoms and engagement', communityResourceReferral: false },
      { key: 'mental-health-community-referral', kind: 'referral', description: 'Refer to a community mental health program', communityResourceReferral: true },
    ],
    tasks: [{ templateKey: 'behavioral-health-appointment', title: 'Book a behavioral health appointment', dueInDays: 7 }],
    urgentTask: { templateKey: 'mental-health-urgent-outreach', title: 'Same-day outreach for an urgent mental health concern' },
  },
  legal: {
    problem: { display: 'Legal problem', code: { system: ICD10CM, code: 'Z65.3', display: 'Problems related to other legal circumstances' } },
    goals: [{ key: 'legal-aid-consulted', description: 'Legal question taken up by legal aid', targetMeasure: 'Legal aid consultation within 30 days' }],
    interventions: [
      { key: 'legal-aid-referral', kind: 'referral', description: 'Refer to a legal aid organization', communityResourceReferral: true },
      { key: 'legal-documents-coordination', kind: 'coordination', description: 'Help gather the documents legal aid needs', communityResourceReferral: false },
    ],
    tasks: [{ templateKey: 'legal-aid-follow-up', title: 'Confirm the legal aid appointment', dueInDays: 14 }],
    urgentTask: { templateKey: 'legal-deadline-same-day', title: 'Act on an imminent legal deadline today' },
  },
  insurance: {
    problem: { display: 'Gap in health coverage', code: { system: ICD10CM, code: 'Z59.7', display: 'Insufficient social insurance and welfare support' } },
    goals: [{ key: 'coverage-active', description: 'Active health coverage', targetMeasure: 'Coverage active within 60 days' }],
    interventions: [
      { key: 'coverage-navigation', kind: 'coordination', description: 'Help apply or renew Medicaid, Medicare or marketplace coverage', communityResourceReferral: false },
      { key: 'coverage-education', kind: 'education', description: 'Explain benefits, premiums and renewal dates', communityResourceReferral: false },
      { key: 'enrolment-assister-referral', kind: 'referral', description: 'Refer to a certified enrolment assister', communityResourceReferral: true },
    ],
    tasks: [{ templateKey: 'coverage-application', title: 'Start the coverage application', dueInDays: 7 }],
    urgentTask: { templateKey: 'coverage-urgent-same-day', title: 'Resolve a coverage gap blocking care today' },
  },
};

function build(category: NeedCategory): CarePlanTemplate {
  const body = BODIES[category];
  const { role: ownerRole } = routeNeed({ domain: 'social', category });
  return {
    category,
    problem: body.problem,
    goals: body.goals,
    interventions: body.interventions,
    tasks: body.tasks.map((t) => ({ ...t, ownerRole })),
    urgentTask: { ...body.urgentTask, ownerRole, dueInDays: 0 },
    alwaysUrgent: body.alwaysUrgent ?? false,
  };
}

/** The template library, one per need category. Templates carry no client data: the plan adds ids and dates. */
export const CARE_PLAN_TEMPLATES: Readonly<Record<NeedCategory, CarePlanTemplate>> = Object.freeze(
  Object.fromEntries(NEED_CATEGORIES.map((c) => [c, build(c)])) as Record<NeedCategory, CarePlanTemplate>,
);

export function templateFor(category: NeedCategory): CarePlanTemplate {
  return CARE_PLAN_TEMPLATES[category];
}

export interface PlannedTask extends TaskTemplate {
  readonly priority: 'routine' | 'urgent';
}

/** The tasks a need calls for: the urgent same-day task first when the need (or its category) is urgent. */
export function tasksForNeed(need: { category: NeedCategory; urgent: boolean }): PlannedTask[] {
  const t = templateFor(need.category);
  const urgent = need.urgent || t.alwaysUrgent ? [{ ...t.urgentTask, priority: 'urgent' as const }] : [];
  return [...urgent, ...t.tasks.map((task) => ({ ...task, priority: 'routine' as const }))];
}
