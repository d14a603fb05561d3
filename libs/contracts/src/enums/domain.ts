/** Shared vocabularies of the care loop (see shared DOMAIN.md). Kept here so every service spells them the same way. */

export const NEED_DOMAINS = ['clinical', 'social'] as const;
export type NeedDomain = (typeof NEED_DOMAINS)[number];

/** What a need is about. Clinical categories route to a care manager, the rest to a case manager. */
export const NEED_CATEGORIES = [
  'depression',
  'anxiety',
  'self-harm-risk',
  'food-insecurity',
  'housing-instability',
  'housing-quality',
  'transportation',
  'utilities',
  'interpersonal-safety',
  'mental-health',
  'legal',
  'insurance',
] as const;
export type NeedCategory = (typeof NEED_CATEGORIES)[number];

export const NEED_SEVERITIES = ['low', 'mild', 'moderate', 'moderately-severe', 'severe'] as const;
export type NeedSeverity = (typeof NEED_SEVERITIES)[number];

export const INSTRUMENTS = ['PHQ-2', 'PHQ-9', 'GAD-2', 'GAD-7', 'HUNGER-VITAL-SIGN', 'AHC-HRSN'] as const;
export type InstrumentCode = (typeof INSTRUMENTS)[number];

export const MANAGER_ROLES = ['care-manager', 'case-manager'] as const;
export type ManagerRole = (typeof MANAGER_ROLES)[number];

export const COVERAGE_TYPES = ['medicare', 'medicaid', 'commercial', 'none'] as const;
export type CoverageType = (typeof COVERAGE_TYPES)[number];

export const REFERRAL_SOURCES = ['physician', 'hospital-discharge', 'self', 'insurer', 'community-organization'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/** Age bands are what leaves intake: enough for eligibility, not a birth date. */
export const AGE_BANDS = ['0-17', '18-25', '26-44', '45-64', '65-74', '75+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const URGENCIES = ['routine', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Closed-loop referral status (Gravity SDOH Clinical Care, FHIR Task.status). */
export const REFERRAL_STATUSES = [
  'draft',
  'requested',
  'accepted',
  'rejected',
  'in-progress',
  'on-hold',
  'failed',
  'completed',
  'cancelled',
  'entered-in-error',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Who changed a referral: the requesting care team or the receiving organization (or the platform's matcher). */
export const REFERRAL_ACTORS = ['requester', 'receiver', 'system'] as const;
export type ReferralActor = (typeof REFERRAL_ACTORS)[number];

/** A service's answer to "can you take this client?" (closed-loop platforms' capacity answers). */
export const CAPACITY_STATUSES = ['has-capacity', 'no-capacity', 'waitlist', 'additional-assessment-required'] as const;
export type CapacityStatus = (typeof CAPACITY_STATUSES)[number];

export const REFERRAL_OUTCOMES = [
  'got-help',
  'needs-client-action',
  'could-not-contact',
  'not-eligible',
  'no-capacity',
  'no-longer-interested',
  'referred-elsewhere',
] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export const GOAL_LIFECYCLE_STATUSES = [
  'proposed',
  'planned',
  'accepted',
  'active',
  'on-hold',
  'completed',
  'cancelled',
  'entered-in-error',
  'rejected',
] as const;
export type GoalLifecycleStatus = (typeof GOAL_LIFECYCLE_STATUSES)[number];

export const GOAL_ACHIEVEMENT_STATUSES = [
  'in-progress',
  'improving',
  'worsening',
  'no-change',
  'achieved',
  'sustaining',
  'not-achieved',
  'no-progress',
  'not-attainable',
] as const;
export type GoalAchievementStatus = (typeof GOAL_ACHIEVEMENT_STATUSES)[number];

export const CHANNELS = ['email', 'sms', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

export const RECIPIENT_KINDS = ['care-team', 'client', 'family', 'partner'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
