// The domain's index also exports device secrets (node:crypto), which a browser cannot load, and jest maps only
// the libs' index aliases: so the console takes the few browser-safe tables it needs file by file, here only.
export { SEVERITY_LABELS, compareSeverity, type Severity } from '../../../../libs/domain/src/alerts/severity';
export { RULES, RULE_CODES } from '../../../../libs/domain/src/rules/rule-code';
export { ALERT_OUTCOMES, isAlertOutcome, type AlertOutcome } from '../../../../libs/domain/src/alerts/alert-outcome';
export { ELDER_CATEGORIES } from '../../../../libs/domain/src/elders/elder-category';
export { ROLE_LABELS } from '../../../../libs/domain/src/access/roles';
export { can } from '../../../../libs/domain/src/access/permissions';
