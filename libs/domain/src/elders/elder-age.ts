import { LOCAL_UTC_OFFSET_MS } from '../time/local-time';

/** Full years of age on the local (Asia/Shanghai) calendar day of `at`; `birthDate` is `YYYY-MM-DD`. */
export function ageOn(birthDate: string, at: number): number {
  const [year, month, day] = birthDate.split('-').map(Number);
  const today = new Date(at + LOCAL_UTC_OFFSET_MS);
  const hadBirthday =
    today.getUTCMonth() + 1 > month || (today.getUTCMonth() + 1 === month && today.getUTCDate() >= day);
  return today.getUTCFullYear() - year - (hadBirthday ? 0 : 1);
}
