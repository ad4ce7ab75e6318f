// Types of the console contracts come from `@contracts/console`. Jest, which runs the `.ts` logic, maps only the
// libs' index aliases, and those the console may not import: so the few values the logic needs come file by file,
// here only.
export { ELDER_CSV_COLUMNS } from '../../../../libs/contracts/src/console/registry';
export { CARE_CALL_OUTCOMES, type CareCallOutcome } from '../../../../libs/contracts/src/console/care-calls';
