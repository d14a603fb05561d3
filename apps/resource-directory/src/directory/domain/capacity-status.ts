import { CAPACITY_STATUSES, type CapacityStatus } from './directory-service.model';
import type { HsdsAttribute, HsdsService } from './hsds.types';

/*
 * HSDS 3.1 capacity is a count (`available` of `maximum` units). A count cannot say "waitlist" or "needs an
 * assessment first", which are closed-loop capacity answers, so an organization states those with a service
 * attribute: link_type `capacity_status` and a term of our capacity-status taxonomy (code = the status). The
 * attribute wins over counts; without either the service is presumed to have capacity, flagged as unreported.
 */

export const CAPACITY_STATUS_LINK_TYPE = 'capacity_status';
export const CAPACITY_STATUS_TAXONOMY = 'https://careloop.example/taxonomy/capacity-status';

export const CAPACITY_STATUS_NAMES: Readonly<Record<CapacityStatus, string>> = {
  'has-capacity': 'Has capacity',
  'no-capacity': 'No capacity',
  waitlist: 'No capacity - waitlist',
  'additional-assessment-required': 'Additional assessment required',
};

export interface DerivedCapacity {
  capacityStatus: CapacityStatus;
  capacityReported: boolean;
  capacityUpdatedAt?: string;
}

export const isCapacityStatus = (value: string): value is CapacityStatus =>
  (CAPACITY_STATUSES as readonly string[]).includes(value);

export function isCapacityStatusAttribute(attribute: HsdsAttribute): boolean {
  return (
    attribute.link_type === CAPACITY_STATUS_LINK_TYPE || attribute.taxonomy_term?.taxonomy === CAPACITY_STATUS_TAXONOMY
  );
}

/** The status a capacity attribute states: its term code, else its value. */
export function capacityStatusOfAttribute(attribute: HsdsAttribute): string | undefined {
  return attribute.taxonomy_term?.code ?? attribute.value;
}

export function deriveCapacity(service: Pick<HsdsService, 'attributes' | 'capacities'>): DerivedCapacity {
  const capacities = service.capacities ?? [];
  const updatedAt = capacities
    .map((capacity) => capacity.updated)
    .reduce<string | undefined>((latest, updated) => (latest === undefined || Date.parse(updated) > Date.parse(latest) ? updated : latest), undefined);
  const withUpdated = (derived: Omit<DerivedCapacity, 'capacityUpdatedAt'>): DerivedCapacity =>
    updatedAt === undefined ? derived : { ...derived, capacityUpdatedAt: updatedAt };

  const stated = (service.attributes ?? [])
    .filter(isCapacityStatusAttribute)
    .map(capacityStatusOfAttribute)
    .find((status): status is CapacityStatus => status !== undefined && isCapacityStatus(status));
  if (stated) return withUpdated({ capacityStatus: stated, capacityReported: true });

  if (capacities.length > 0) {
    const anyAvailable = capacities.some((capacity) => capacity.available > 0);
    return withUpdated({ capacityStatus: anyAvailable ? 'has-capacity' : 'no-capacity', capacityReported: true });
  }
  return { capacityStatus: 'has-capacity', capacityReported: false };
}
