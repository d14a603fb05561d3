import type { ReferralClientContextDto, ReferralStatusEntryDto, ReferralViewDto } from './dto/referral-view.dto';
import { transitionsFor, type ReferralReader } from './referral-access';
import type { Referral, ReferralStatusEntry } from './schemas/referral.schema';

/**
 * The referral as the reader may see it (minimum necessary). A receiving organization gets the need, the urgency and
 * the status; language, age band and postal code only when the client consented to share them; never coordinates,
 * the other candidates, the care plan or who on the care team asked.
 */
export function toReferralView(referral: Referral, reader: ReferralReader): ReferralViewDto {
  const forOrganization = reader.kind === 'organization';
  const view: ReferralViewDto = {
    id: referral._id,
    clientId: referral.clientId,
    needCategory: referral.needCategory,
    urgency: referral.urgency,
    status: referral.status,
    requestedAt: new Date(referral.requestedAt).toISOString(),
    version: referral.version,
    consentToShare: referral.consentToShare,
    statusHistory: referral.statusHistory.map(toEntry),
    allowedTransitions: transitionsFor(reader, referral),
  };
  if (referral.statusReason !== undefined) view.statusReason = referral.statusReason;
  if (referral.outcome !== undefined) view.outcome = referral.outcome;
  if (referral.selectedServiceId !== undefined) view.selectedServiceId = referral.selectedServiceId;
  if (referral.selectedOrganizationId !== undefined) view.selectedOrganizationId = referral.selectedOrganizationId;

  if (forOrganization) {
    if (referral.consentToShare) view.client = sharedContext(referral);
    return view;
  }
  view.client = fullContext(referral);
  view.carePlanId = referral.carePlanId;
  view.needId = referral.needId;
  view.requestedBy = referral.requestedBy;
  view.matchedAt = new Date(referral.matchedAt).toISOString();
  view.candidates = referral.candidates.map((candidate) => ({
    serviceId: candidate.serviceId,
    organizationId: candidate.organizationId,
    score: candidate.score,
    ...(candidate.distanceKm !== undefined ? { distanceKm: candidate.distanceKm } : {}),
    reasons: [...candidate.reasons],
  }));
  return view;
}

function sharedContext(referral: Referral): ReferralClientContextDto {
  const { preferredLanguage, ageBand, area } = referral.context;
  return {
    preferredLanguage,
    ageBand,
    ...(area?.postalCode !== undefined ? { area: { postalCode: area.postalCode } } : {}),
  };
}

function fullContext(referral: Referral): ReferralClientContextDto {
  const { preferredLanguage, ageBand, area } = referral.context;
  if (!area) return { preferredLanguage, ageBand };
  return {
    preferredLanguage,
    ageBand,
    area: {
      latitude: area.latitude,
      longitude: area.longitude,
      ...(area.postalCode !== undefined ? { postalCode: area.postalCode } : {}),
    },
  };
}

/** Who on the care team or at the organization made a change stays in the audit trail, not in the view. */
function toEntry(entry: ReferralStatusEntry): ReferralStatusEntryDto {
  return {
    ...(entry.from !== undefined ? { from: entry.from } : {}),
    status: entry.status,
    ...(entry.statusReason !== undefined ? { statusReason: entry.statusReason } : {}),
    ...(entry.outcome !== undefined ? { outcome: entry.outcome } : {}),
    changedBy: entry.changedBy,
    changedAt: new Date(entry.changedAt).toISOString(),
  };
}
