import type { CoinGiftRelation, TimeCoinMovement, VolunteerRequestStatus, VolunteerService } from '@eldercare/domain';
import type { Timestamp } from './alert-view';

export type { CoinGiftRelation, TimeCoinMovement, VolunteerRequestStatus, VolunteerService };

/**
 * The volunteer time bank (时间银行) as the console and the volunteer's phone page read and write it. Coins are
 * counted in minutes of approved service (`*Minutes`; 60 make one coin); balances are sums of the journal.
 *
 * GET  /api/time-bank/volunteers                          → VolunteerView[] (community staff: their regions')
 * POST /api/time-bank/volunteers        VolunteerInput     → VolunteerView (201): registered, not yet approved
 * POST /api/time-bank/volunteers/:id/id-check { trainedOn? } → VolunteerView: staff saw the ID card in person
 * POST /api/time-bank/volunteers/:id/approve { username, password } → VolunteerView: the volunteer's sign-in;
 *      409 `volunteer-not-approvable` saying what is missing
 * GET  /api/time-bank/me                                  → VolunteerView (a volunteer: their own, with balance)
 * GET  /api/time-bank/me/movements                        → TimeCoinMovementView[] (a volunteer's journal)
 * POST /api/time-bank/me/gifts { elderId, relation, minutes } → VolunteerView: coins to a parent or grandparent
 * GET  /api/time-bank/requests?status=&elderId=           → VolunteerRequestView[]: staff and families by scope; a
 *      volunteer their own and the open ones of their district
 * GET  /api/time-bank/requests/:id                        → VolunteerRequestView (audited)
 * POST /api/time-bank/requests          VolunteerRequestInput → VolunteerRequestView (201): holds the coins it pays;
 *      from a volunteer aged 60+ without elderId: a service for themselves, paid from their own coins
 * POST /api/time-bank/requests/:id/take | check-in | check-out → VolunteerRequestView (the volunteer)
 * POST /api/time-bank/requests/:id/confirm                → VolunteerRequestView: the elder's family or staff; pays
 * POST /api/time-bank/requests/:id/dispute { reason }     → VolunteerRequestView: goes to community staff
 * POST /api/time-bank/requests/:id/resolve { decision: 'uphold' | 'reject', minutes?, note } → staff settle it
 * POST /api/time-bank/requests/:id/cancel { reason }      → VolunteerRequestView: released
 * POST /api/time-bank/movements/:id/reversal { reason }   → TimeCoinMovementView (staff; never an edit)
 * GET  /api/time-bank/elders/:id/account                  → { balanceMinutes, movements } of an elder's given coins
 * Every step that cannot happen now answers 409 `volunteer-request-transition-illegal`.
 */
export interface VolunteerView {
  id: string;
  name: string;
  /** Masked but for community staff. */
  idNumber: string;
  phone: string;
  community: { id: string; name: string };
  username: string | null;
  trainedOn: string | null;
  idCheckedAt: Timestamp | null;
  idCheckedBy: string | null;
  approvedAt: Timestamp | null;
  approvedBy: string | null;
  balanceMinutes: number;
  /** Whether the volunteer may spend their own coins on services for themselves (60 and in the registry). */
  maySpend: boolean;
}

export interface VolunteerInput {
  name: string;
  idNumber: string;
  phone: string;
  communityId: string;
  elderId?: string;
  trainedOn?: string;
}

export interface VolunteerRequestInput {
  elderId?: string;
  service: VolunteerService;
  startsAt: string;
  minutes: number;
  note?: string;
  /** `city` (the default: the community pays new coins) or `elder` (the elder's given coins). */
  payer?: 'city' | 'elder';
}

export interface VolunteerRequestView {
  id: string;
  service: VolunteerService;
  status: VolunteerRequestStatus;
  startsAt: Timestamp;
  minutes: number;
  note: string;
  payer: 'city' | 'elder' | 'volunteer';
  /** Address and phone masked for a volunteer until they take it, and by role for staff. */
  elder: { id: string; name: string; address: string; phone: string | null };
  community: { id: string; name: string };
  requestedBy: string;
  requestedAt: Timestamp;
  volunteer: { id: string; name: string } | null;
  takenAt: Timestamp | null;
  checkedInAt: Timestamp | null;
  checkedOutAt: Timestamp | null;
  visitNote: string | null;
  servedMinutes: number | null;
  confirmedBy: string | null;
  confirmedAt: Timestamp | null;
  disputeReason: string | null;
  resolutionNote: string | null;
  closedAt: Timestamp | null;
  closeReason: string | null;
}

export interface TimeCoinMovementView {
  id: string;
  kind: TimeCoinMovement;
  requestId: string | null;
  reversesId: string | null;
  reversedById: string | null;
  relation: CoinGiftRelation | null;
  reason: string | null;
  author: string | null;
  createdAt: Timestamp;
  entries: { account: string; amount: number }[];
}
