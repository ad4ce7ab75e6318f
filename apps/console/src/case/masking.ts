import type { ElderCard } from '@eldercare/contracts';
import type { MessageKey } from '../i18n/messages.zh-CN';
import { translate, type Locale } from '../i18n/translate';

export type MaskableField = ElderCard['masked'][number];

const FIELD_LABELS: Record<MaskableField, MessageKey> = {
  birthDate: 'masked.birth-date',
  idNumber: 'elder.id-number',
  phone: 'elder.phone',
  address: 'elder.address',
  keySafeCode: 'elder.key-safe',
  contacts: 'masked.contacts',
  medicalNotes: 'elder.medical-notes',
};

/** True when the server masked `field` for this user's role. */
export function isMasked(elder: Pick<ElderCard, 'masked'>, field: MaskableField): boolean {
  return elder.masked.includes(field);
}

/** One line naming what was masked (按权限脱敏：身份证号、电话), or null when nothing was. */
export function maskedSummary(elder: Pick<ElderCard, 'masked'>, locale: Locale): string | null {
  if (elder.masked.length === 0) return null;
  const fields = elder.masked
    .map((field) => translate(locale, FIELD_LABELS[field]))
    .join(locale === 'en' ? ', ' : '、');
  return translate(locale, 'masked.summary', { fields });
}
