// The domain's index also exports device secrets (node:crypto), which a browser cannot load, and jest maps only
// the libs' index aliases: so the console takes the few browser-safe tables it needs file by file, here only.
export { SEVERITY_LABELS, compareSeverity, type Severity } from '../../../../libs/domain/src/alerts/severity';
export { RULES, RULE_CODES } from '../../../../libs/domain/src/rules/rule-code';
export { ALERT_OUTCOMES, isAlertOutcome, type AlertOutcome } from '../../../../libs/domain/src/alerts/alert-outcome';
export { ELDER_CATEGORIES, type ElderCategory } from '../../../../libs/domain/src/elders/elder-category';
export { ageOn } from '../../../../libs/domain/src/elders/elder-age';
export {
  idNumberBirthDateProblem,
  residentIdNumberProblem,
} from '../../../../libs/domain/src/elders/resident-id-number';
export { isPhoneNumber } from '../../../../libs/domain/src/elders/phone-number';
export { LOCAL_UTC_OFFSET_MS, localDayStart } from '../../../../libs/domain/src/time/local-time';
export { ROLES, ROLE_LABELS } from '../../../../libs/domain/src/access/roles';
export { can, type Permission } from '../../../../libs/domain/src/access/permissions';
export {
  SERVICES,
  SERVICE_CODES,
  type ServiceCode,
  type ServiceUnit,
} from '../../../../libs/domain/src/home-care/service-catalogue';
