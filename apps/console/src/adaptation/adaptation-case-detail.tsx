import type { AdaptationCaseView, AdaptationStep } from '@eldercare/contracts';
import { ADAPTATION_ITEM_CODES, ADAPTATION_STEP_PERMISSION, can, type AdaptationItem } from '@eldercare/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { adaptationPhotoUrl, fetchAdaptationCase, takeAdaptationStep } from '../api/adaptation-api';
import { fetchProviders } from '../api/providers-api';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { Panel } from '../shared/panel';
import { useSubmit } from '../shared/use-submit';
import { PhotoUpload } from './photo-upload';

/** One case: its plan, photos, steps with who and when, and the pending step for whoever takes it. */
export function AdaptationCaseDetail({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { http, user } = useSession();
  const { t, locale } = useI18n();
  const kase = useQuery({ queryKey: ['adaptation-case', caseId], queryFn: () => fetchAdaptationCase(http, caseId) });
  const reload = () => {
    void kase.refetch();
    onChanged();
  };
  const view = kase.data;
  if (kase.error) return <FormError message={errorText(kase.error, locale)} />;
  if (!view) return <p className="muted">{t('app.loading')}</p>;
  const pending = view.pending?.step as AdaptationStep | undefined;

  return (
    <Panel title={`${view.elder.name} · ${t(`adaptation-stage.${view.stage}`)}`} testId="adaptation-case">
      <p className="muted">
        {view.elder.address} ·{' '}
        {view.subsidised ? t('adaptation.cap', { cap: view.capYuan }) : t('adaptation.self-paid')}
        {view.contractor && ` · ${t('adaptation.contractor')}: ${view.contractor.name}`}
      </p>
      {view.needs && <p>{view.needs}</p>}
      {view.plan && (
        <table className="table" data-testid="adaptation-plan">
          <tbody>
            {view.plan.map((line) => (
              <tr key={line.item}>
                <td>{t(`adaptation-item.${line.item}`)}</td>
                <td className="mono">{line.quantity}</td>
                <td className="mono">{line.total}</td>
                <td className="mono">{line.subsidy}</td>
                <td className="mono">{line.selfPay}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={2}>{t('adaptation.total')}</td>
              <td className="mono">{view.totalYuan}</td>
              <td className="mono" data-testid="adaptation-subsidy">
                {view.subsidyYuan}
              </td>
              <td className="mono">{view.selfPayYuan}</td>
            </tr>
          </tfoot>
        </table>
      )}
      <div className="photo-strip">
        {(view.photos ?? []).map((photo) => (
          <img
            key={photo.id}
            src={adaptationPhotoUrl(view.id, photo.id)}
            alt={t(`adaptation-photo.${photo.kind}`)}
            title={t(`adaptation-photo.${photo.kind}`)}
            width={96}
            data-testid="adaptation-photo"
          />
        ))}
      </div>
      <ol className="plain-list" data-testid="adaptation-steps">
        {(view.steps ?? []).map((step, index) => (
          <li key={index}>
            <span className="mono">{formatDateTime(step.at)}</span>{' '}
            {/* A refusal leads back to a stage the case had: it is named as the step it was. */}
            {step.step === 'refuse' ? t('adaptation-step.refuse') : t(`adaptation-stage.${step.stage}`)} · {step.by}{' '}
            {step.note}
          </li>
        ))}
      </ol>
      {pending && can(user.role, ADAPTATION_STEP_PERMISSION[pending]) && (
        <StepForm view={view} step={pending} onDone={reload} />
      )}
      {can(user.role, 'adaptation.manage') && (
        <PhotoUpload caseId={view.id} kinds={['assessment', 'before', 'after']} onDone={reload} />
      )}
    </Panel>
  );
}

function StepForm({ view, step, onDone }: { view: AdaptationCaseView; step: AdaptationStep; onDone: () => void }) {
  const { http } = useSession();
  const { t } = useI18n();
  const { sending, error, run } = useSubmit();
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<{ item: AdaptationItem; quantity: number }[]>([]);
  const [item, setItem] = useState<AdaptationItem>(ADAPTATION_ITEM_CODES[0]);
  const [quantity, setQuantity] = useState('1');
  const [contractorId, setContractorId] = useState('');
  const companies = useQuery({
    queryKey: ['providers'],
    queryFn: () => fetchProviders(http),
    enabled: step === 'plan',
  });
  return (
    <form
      className="inline-form"
      data-testid="adaptation-step-form"
      data-step={step}
      onSubmit={(event) => {
        event.preventDefault();
        void run(() =>
          takeAdaptationStep(http, view.id, step, {
            note,
            ...(step === 'plan' ? { plan: lines, contractorId: contractorId || undefined } : {}),
          }).then(onDone),
        );
      }}
    >
      {step === 'plan' && (
        <>
          <select
            value={item}
            onChange={(e) => setItem(e.target.value as AdaptationItem)}
            data-testid="adaptation-plan-item"
          >
            {ADAPTATION_ITEM_CODES.map((code) => (
              <option key={code} value={code}>
                {t(`adaptation-item.${code}`)}
              </option>
            ))}
          </select>
          <input
            type="number"
            min={1}
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            data-testid="adaptation-plan-quantity"
          />
          <button
            type="button"
            className="button-secondary"
            onClick={() => setLines([...lines, { item, quantity: Number(quantity) }])}
            data-testid="adaptation-plan-add"
          >
            {t('adaptation.add-item')}
          </button>
          <span className="muted">
            {lines.map((line) => `${t(`adaptation-item.${line.item}`)}×${line.quantity}`).join('、')}
          </span>
          <select
            value={contractorId}
            onChange={(e) => setContractorId(e.target.value)}
            aria-label={t('adaptation.contractor')}
            data-testid="adaptation-plan-contractor"
          >
            <option value="">{t('adaptation.pick-contractor')}</option>
            {(companies.data ?? []).map((company) => (
              <option key={company.id} value={company.id}>
                {company.name}
              </option>
            ))}
          </select>
        </>
      )}
      <input
        placeholder={t('adaptation.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        data-testid="adaptation-step-note"
      />
      <button type="submit" disabled={sending} data-testid="adaptation-step-submit">
        {t(`adaptation-step.${step}`)}
      </button>
      <FormError message={error} testId="adaptation-step-error" />
    </form>
  );
}
