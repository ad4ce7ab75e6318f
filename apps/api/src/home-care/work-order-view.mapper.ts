import type { VisitPositionView, WorkOrderView } from '@eldercare/contracts';
import {
  isVisitDelivered,
  maskAddress,
  maskPhone,
  seesInFull,
  visitExceptionState,
  type Role,
} from '@eldercare/domain';
import type { WorkOrderRow } from '@eldercare/persistence';

const iso = (date: Date | null) => date?.toISOString() ?? null;

function position(stored: Record<string, number> | null): VisitPositionView | null {
  return (
    stored && {
      lat: stored.lat,
      lon: stored.lon,
      accuracyM: stored.accuracyM ?? null,
      distanceM: stored.distanceM ?? null,
    }
  );
}

/** An order as `role` may see it: the caregiver going there gets the address and phone, the bureau neither. */
export function toWorkOrderView(row: WorkOrderRow, role: Role): WorkOrderView {
  const address = seesInFull(role, 'address');
  const phone = row.elder.phone ?? '';
  return {
    id: row.id,
    seq: row.seq,
    service: row.service,
    status: row.status,
    startsAt: row.startsAt.toISOString(),
    minutes: row.minutes,
    quantity: row.quantity,
    elder: {
      id: row.elder.id,
      name: row.elder.name,
      address: address ? row.elder.address : maskAddress(row.elder.address),
      phone: seesInFull(role, 'phone') ? phone : maskPhone(phone),
      home: address ? row.elder.home : null,
    },
    place: { community: row.place.community, street: row.place.street ?? '' },
    provider: row.provider,
    caregiver: row.caregiver,
    fromPlan: row.planLineId !== null,
    sourceAlertId: row.sourceAlertId,
    assignedAt: iso(row.assignedAt),
    acceptedAt: iso(row.acceptedAt),
    checkedInAt: iso(row.checkedInAt),
    checkIn: position(row.checkInPosition),
    checkedOutAt: iso(row.checkedOutAt),
    checkOut: position(row.checkOutPosition),
    exceptions: {
      reasons: row.exceptions,
      state: visitExceptionState({ exceptions: row.exceptions, resolution: row.exceptionResolution.resolution }),
      resolvedBy: row.exceptionResolution.resolvedBy,
      resolvedAt: iso(row.exceptionResolution.resolvedAt),
      note: row.exceptionResolution.note,
    },
    delivered: isVisitDelivered({
      status: row.status,
      exceptions: row.exceptions,
      resolution: row.exceptionResolution.resolution,
    }),
    note: row.note,
    confirmedBy: row.confirmedBy,
    missedAt: iso(row.missedAt),
    cancelledAt: iso(row.cancelledAt),
    cancelReason: row.cancelReason,
    rating: row.rating,
  };
}
