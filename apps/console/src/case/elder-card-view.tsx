import type { ElderCard } from '@eldercare/contracts';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { CategoryTags } from '../queue/category-tags';
import { Panel } from '../shared/panel';
import { isMasked, maskedSummary, type MaskableField } from './masking';

/** The elder as the server lets this role see them: masked fields come masked, with a hint saying so. */
export function ElderCardView({ elder }: { elder: ElderCard }) {
  const { t, locale } = useI18n();
  const summary = maskedSummary(elder, locale);

  const masked = (field: MaskableField) =>
    isMasked(elder, field) && (
      <span className="masked-hint" data-testid="masked-hint" data-field={field}>
        {t('masked.badge')}
      </span>
    );

  const rows: [string, ReactNode, MaskableField | null, string][] = [
    [t('elder.id-number'), <span className="mono">{elder.idNumber}</span>, 'idNumber', 'elder-id-number'],
    [t('elder.phone'), <span className="mono">{elder.phone}</span>, 'phone', 'elder-phone'],
    [t('elder.address'), elder.address, 'address', 'elder-address'],
    [
      t('elder.place'),
      `${elder.place.community} · ${elder.place.street} · ${elder.place.district}`,
      null,
      'elder-place',
    ],
    [
      t('elder.key-safe'),
      elder.keySafeCode === null ? (
        <span className="muted">{t('elder.key-safe-none')}</span>
      ) : (
        <span className="mono">{elder.keySafeCode}</span>
      ),
      'keySafeCode',
      'elder-key-safe',
    ],
    [t('elder.birth-date'), <span className="mono">{elder.birthDate}</span>, 'birthDate', 'elder-birth-date'],
  ];

  return (
    <Panel title={t('elder.title')} testId="elder-card">
      <div className="elder-head">
        <strong className="elder-name" data-testid="elder-name">
          {elder.name}
        </strong>
        <span>
          {t(`gender.${elder.gender}`)} · {t('elder.age', { age: elder.age })}
        </span>
      </div>
      <CategoryTags categories={elder.categories} />
      {summary && (
        <p className="masked-summary" data-testid="masked-summary">
          {summary}
        </p>
      )}
      <dl className="facts">
        {rows.map(([label, value, field, testId]) => (
          <div key={testId}>
            <dt>{label}</dt>
            <dd data-testid={testId}>
              {value}
              {field && masked(field)}
            </dd>
          </div>
        ))}
      </dl>
      <div className="medical-notes" data-testid="elder-medical-notes">
        <h3>{t('elder.medical-notes')}</h3>
        <p>
          {elder.medicalNotes === null ? (
            masked('medicalNotes')
          ) : elder.medicalNotes.trim() === '' ? (
            <span className="muted">{t('elder.medical-notes-none')}</span>
          ) : (
            elder.medicalNotes
          )}
        </p>
      </div>
    </Panel>
  );
}
