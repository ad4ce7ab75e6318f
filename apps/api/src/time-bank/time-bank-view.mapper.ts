import type { TimeCoinMovementView, VolunteerRequestView, VolunteerView } from '@eldercare/contracts';
import { ageOn, maskAddress, maskIdNumber, maskPhone, seesInFull, SPENDING_AGE, type Role } from '@eldercare/domain';
import type { StoredMovement, VolunteerRequestRow, VolunteerRow } from '@eldercare/persistence';

export function toVolunteerView(volunteer: VolunteerRow, viewerRole: Role, now = Date.now()): VolunteerView {
  const own = viewerRole === 'volunteer';
  return {
    id: volunteer.id,
    name: volunteer.name,
    idNumber: own || seesInFull(viewerRole, 'idNumber') ? volunteer.idNumber : maskIdNumber(volunteer.idNumber),
    phone: own || seesInFull(viewerRole, 'phone') ? volunteer.phone : maskPhone(volunteer.phone),
    community: { id: volunteer.community.id, name: volunteer.community.name },
    username: volunteer.username,
    trainedOn: volunteer.trainedOn,
    idCheckedAt: volunteer.idCheckedAt?.toISOString() ?? null,
    idCheckedBy: volunteer.idCheckedBy,
    approvedAt: volunteer.approvedAt?.toISOString() ?? null,
    approvedBy: volunteer.approvedBy,
    balanceMinutes: volunteer.balance,
    maySpend: volunteer.elderId !== null && ageOn(volunteer.birthDate, now) >= SPENDING_AGE,
  };
}

function payerKind(payer: string): VolunteerRequestView['payer'] {
  if (payer.startsWith('elder:')) return 'elder';
  if (payer.startsWith('volunteer:')) return 'volunteer';
  return 'city';
}

/**
 * A request as `viewerRole` may read it. A volunteer sees the door and the phone only of a request they took; staff
 * and families by their role's masking.
 */
export function toVolunteerRequestView(
  request: VolunteerRequestRow,
  viewer: { role: Role; volunteerId?: string },
): VolunteerRequestView {
  const serving = viewer.role === 'volunteer' && request.volunteer?.id === viewer.volunteerId;
  const full = (field: 'address' | 'phone') =>
    serving || (viewer.role !== 'volunteer' && seesInFull(viewer.role, field));
  return {
    id: request.id,
    service: request.service,
    status: request.status,
    startsAt: request.startsAt.toISOString(),
    minutes: request.minutes,
    note: request.note,
    payer: payerKind(request.payer),
    elder: {
      id: request.elder.id,
      name: request.elder.name,
      address: full('address') ? request.elder.address : maskAddress(request.elder.address),
      phone: request.elder.phone === null ? null : full('phone') ? request.elder.phone : maskPhone(request.elder.phone),
    },
    community: { id: request.place.communityId, name: request.place.community },
    requestedBy: request.requestedBy,
    requestedAt: request.requestedAt.toISOString(),
    volunteer: request.volunteer,
    takenAt: request.takenAt?.toISOString() ?? null,
    checkedInAt: request.checkedInAt?.toISOString() ?? null,
    checkedOutAt: request.checkedOutAt?.toISOString() ?? null,
    visitNote: request.visitNote,
    servedMinutes: request.servedMinutes,
    confirmedBy: request.confirmedBy,
    confirmedAt: request.confirmedAt?.toISOString() ?? null,
    disputeReason: request.disputeReason,
    resolutionNote: request.resolutionNote,
    closedAt: request.closedAt?.toISOString() ?? null,
    closeReason: request.closeReason,
  };
}

export function toMovementView(movement: StoredMovement): TimeCoinMovementView {
  return { ...movement, createdAt: movement.createdAt.toISOString() };
}
