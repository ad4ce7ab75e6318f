/**
 * Every code a refusal may carry, by the area that refuses.
 * STORED OUTSIDE THE CODE: clients switch on these strings (the console has words for most of them). Never rename a
 * code; add a new one. The api's error filter gives each its HTTP status, and will not compile without one.
 */
export const DOMAIN_ERROR_CODES = {
  /**
   * Who is asking, and whether they may: no session, a wrong password, a role without the permission, a write or
   * live socket from a page of another origin.
   */
  access: ['unauthenticated', 'invalid-credentials', 'forbidden', 'too-many-attempts', 'origin-not-allowed'],
  /**
   * A request that cannot be read as asked: a body, query or parameter its schema refuses, a write whose body is not
   * JSON, a body nested too deep to read.
   */
  request: ['invalid-request', 'body-not-json', 'body-too-deep'],
  /** Alerts and their life cycle: claimed, resolved, cancelled from the device; the calls made while working one. */
  alerts: [
    'alert-not-found',
    'alert-already-acknowledged',
    'alert-already-cancelled',
    'alert-not-acknowledged',
    'alert-not-open',
    'alert-not-cancellable',
    'alert-operator-required',
    'alert-outcome-unknown',
    'alert-outcome-requires-reason',
    'contact-not-found',
  ],
  /** Elders' records, the registry and its CSV import, the regions elders live in. */
  elders: [
    'elder-not-found',
    'elder-already-registered',
    'region-not-found',
    'region-not-a-community',
    'import-invalid',
    'import-too-large',
    'import-not-csv',
  ],
  /** What tunes the rules for one elder (thresholds, absences), and the rules' own state. */
  rules: ['rule-settings-invalid', 'rule-state-device-mismatch', 'absence-not-found'],
  /** Devices as they are registered and retired. */
  devices: ['device-not-found', 'device-id-invalid', 'device-already-registered', 'device-already-retired'],
  /** Users' accounts as admins keep them. */
  users: ['user-not-found', 'username-taken', 'user-already-disabled', 'user-is-yourself', 'user-scope-mismatch'],
  /** Home care: providers and caregivers, care plans against entitlements, work orders and their visits. */
  homeCare: [
    'provider-not-found',
    'caregiver-not-found',
    'service-unknown',
    'care-plan-invalid',
    'care-plan-line-not-found',
    'care-plan-over-entitlement',
    'work-order-not-found',
    'work-order-transition-illegal',
    'visit-not-done',
    'visit-already-rated',
    'visit-exception-not-open',
  ],
  /**
   * Booking a service (服务预约): providers' offers, slots, bookings against the exclusion of a caregiver's or a
   * place's time, cancellation, the visit code the elder holds, the confirmation or dispute afterwards.
   */
  bookings: [
    'offer-invalid',
    'offer-not-found',
    'booking-not-found',
    'booking-time-invalid',
    'booking-slot-taken',
    'booking-not-cancellable',
    'booking-not-confirmable',
    'visit-code-mismatch',
  ],
  /**
   * Community canteens (助餐): canteens and their meal periods, the bureau's meal subsidies, the terminal that finds
   * the elder and records the meal, one subsidised meal per elder per meal period.
   */
  meals: [
    'canteen-invalid',
    'canteen-not-found',
    'canteen-closed',
    'meal-subsidy-invalid',
    'meal-already-subsidised',
    'meal-identification-reason-required',
    'face-embedding-invalid',
    'face-not-enrolled',
    'face-not-matched',
    'meal-order-not-found',
    'meal-order-closed',
    'meal-order-not-cancellable',
    'face-not-found',
    'face-image-invalid',
    'face-not-live',
    'face-check-invalid',
  ],
  /**
   * The volunteer time bank: volunteers and their approval, requests for help and their visits, the coin ledger
   * (never overdrawn, never edited, only reversed).
   */
  timeBank: [
    'volunteer-not-found',
    'volunteer-already-registered',
    'volunteer-not-approvable',
    'volunteer-not-approved',
    'volunteer-request-not-found',
    'volunteer-request-transition-illegal',
    'time-coins-invalid',
    'time-coins-insufficient',
    'time-coins-not-spendable',
    'time-coins-not-reversible',
    'time-coin-movement-not-found',
  ],
  /** Elders at risk: their pairs and the visits made to them. */
  riskVisits: ['elder-pair-not-found'],
  /** Care beds at home: one per elder, with a bed-sensor mat. */
  careBeds: ['care-bed-not-found', 'care-bed-exists', 'care-bed-needs-mat'],
  /** Home adaptation: cases and their steps, plans under the household's cap, photos. */
  homeAdaptation: [
    'adaptation-case-not-found',
    'adaptation-case-exists',
    'adaptation-not-eligible',
    'adaptation-step-illegal',
    'adaptation-plan-invalid',
    'adaptation-works-photos-missing',
    'adaptation-refusal-reason-required',
    'adaptation-photo-not-found',
    'photo-type-not-allowed',
    'photo-too-large',
  ],
  /** Reports. */
  reports: ['report-month-in-future', 'archived-report-not-found'],
} as const;

/** A stable code of a refusal the domain can name. */
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[keyof typeof DOMAIN_ERROR_CODES][number];

/** The codes of a record that is not there, or not the asker's to see (answered the same way). */
export type NotFoundCode = Extract<DomainErrorCode, `${string}-not-found`>;

/** Every domain error code, each once. */
export const ALL_DOMAIN_ERROR_CODES: readonly DomainErrorCode[] = Object.values(DOMAIN_ERROR_CODES).flat();
