import type { AdaptationCaseView, AdaptationStep } from '@eldercare/contracts';
import { ADAPTATION_STEP_PERMISSION, can } from '@eldercare/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { adaptationPhotoUrl, fetchAdaptationCase, takeAdaptationStep } from '../api/adaptation-api';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { useVisitAction } from '../visits/use-visit-action';
import { PhotoUpload } from './photo-upload';

/**
 * One case on a contractor's or an inspector's phone: whose home and where, the stage and its deadline; when it waits
 * for the user's step, the plan, the photos and the step itself (the works with their photos, or the acceptance or
 * refusal with its reason).
 */
export function AdaptationFieldCard({ kase, onChanged }: { kase: AdaptationCaseView; onChanged: () => void }) {
  const { user } = useSession();
  const { t } = useI18n();
  const step = kase.pending?.step as AdaptationStep | undefined;
  const mine = step !== undefined && can(user.role, ADAPTATION_STEP_PERMISSION[step]);

  return (
    <article
      className={`visit-card${kase.pending?.late ? ' visit-late' : ''}`}
      data-testid="adaptation-field-case"
      data-case-id={kase.id}
      data-stage={kase.stage}
    >
      <header className="visit-card-head">
        <strong className="visit-service">{kase.elder.name}</strong>
        <span className="status">{t(`adaptation-stage.${kase.stage}`)}</span>
      </header>
      {kase.pending && (
        <p className="mono">
          {t('adaptation.deadline')} {formatDateTime(kase.pending.deadline)}
          {kase.pending.late && <strong className="form-error"> {t('adaptation.late')}</strong>}
        </p>
      )}
      <div className="visit-elder">
        <span className="muted">{kase.community}</span>
        {kase.contractor && <span className="muted">{kase.contractor.name}</span>}
      </div>
      <p className="visit-address">{kase.elder.address}</p>
      {mine && step && <FieldStep caseId={kase.id} step={step} onChanged={onChanged} />}
    </article>
  );
}

/** The plan, the photos and the user's step on a case waiting for it. */
function FieldStep({ caseId, step, onChanged }: { caseId: string; step: AdaptationStep; onChanged: () => void }) {
  const { http, user } = useSession();
  const { t, locale } = useI18n();
  const detail = useQuery({ queryKey: ['adaptation-case', caseId], queryFn: () => fetchAdaptationCase(http, caseId) });
  const { sending, error, act } = useVisitAction<unknown>(onChanged);
  const [note, setNote] = useState('');
  const view = detail.data;
  if (detail.error) return <FormError message={errorText(detail.error, locale)} className="visit-error" />;
  if (!view) return <p className="muted">{t('app.loading')}</p>;
  const take = (which: AdaptationStep) => act(() => takeAdaptationStep(http, caseId, which, { note }));

  return (
    <div className="adaptation-field-step" data-testid="adaptation-field-step" data-step={step}>
      <PlanLines view={view} />
      <div className="photo-strip">
        {(view.photos ?? []).map((photo) => (
          <figure key={photo.id} className="photo-figure">
            <img
              src={adaptationPhotoUrl(view.id, photo.id)}
              alt={t(`adaptation-photo.${photo.kind}`)}
              width={96}
              data-testid="adaptation-field-photo"
              data-kind={photo.kind}
            />
            <figcaption className="muted">{t(`adaptation-photo.${photo.kind}`)}</figcaption>
          </figure>
        ))}
      </div>
      {can(user.role, 'adaptation.build') && (
        <PhotoUpload caseId={caseId} kinds={['before', 'after']} onDone={() => void detail.refetch()} />
      )}
      <textarea
        className="visit-note"
        rows={2}
        placeholder={t(step === 'accept' ? 'adaptation-field.inspection-note' : 'adaptation.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        data-testid="adaptation-field-note"
      />
      <FormError message={error} className="visit-error" testId="adaptation-field-step-error" />
      <button
        type="button"
        className="visit-step"
        disabled={sending}
        onClick={() => void take(step)}
        data-testid="adaptation-field-submit"
      >
        {t(`adaptation-step.${step}`)}
      </button>
      {step === 'accept' && (
        <button
          type="button"
          className="visit-step button-secondary"
          disabled={sending}
          onClick={() => void take('refuse')}
          data-testid="adaptation-field-refuse"
        >
          {t('adaptation-step.refuse')}
        </button>
      )}
    </div>
  );
}

/** The plan's items and quantities, as the works are built and inspected against. */
function PlanLines({ view }: { view: AdaptationCaseView }) {
  const { t } = useI18n();
  if (!view.plan) return null;
  return (
    <ul className="plain-list" data-testid="adaptation-field-plan">
      {view.plan.map((line) => (
        <li key={line.item}>
          {t(`adaptation-item.${line.item}`)} × <span className="mono">{line.quantity}</span>
        </li>
      ))}
    </ul>
  );
}
