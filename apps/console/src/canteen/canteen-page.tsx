import type { CanteenView, DinerLookupInput, DinerView } from '@eldercare/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { checkFace, findDiner, listCanteens, mealsOfDay, serveMeal } from '../api/canteens-api';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { categoryLabel } from '../i18n/labels';
import { yuanOf } from '../bookings/booking-calendar';
import { FormError } from '../shared/form-error';
import { Panel } from '../shared/panel';
import { useSubmit } from '../shared/use-submit';
import { centreDateOf, centreTimeOf } from '../shared/work-orders';
import type { CameraFrame } from './camera-frames';
import { FaceCamera } from './face-camera';

/** This page is the terminal: its meals are recorded under this name. */
const TERMINAL = 'console';

/**
 * 助餐收银台, sized for a tablet at the counter: the cashier finds the elder by the camera (the api matches the face
 * and checks it moved), or by QR card or ID number (saying why the face check was not used), sees the name,
 * categories, subsidy and what to pay, and records the meal. A second subsidised meal in the same meal period
 * anywhere in the city is refused, or served at the full price once confirmed.
 */
export function CanteenPage() {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const canteens = useQuery({ queryKey: ['canteens'], queryFn: () => listCanteens(http) });
  const [chosen, setChosen] = useState('');
  const canteen = canteens.data?.find((candidate) => candidate.id === chosen) ?? canteens.data?.[0];

  return (
    <section className="canteen-page" data-testid="canteen-page">
      <header className="page-head">
        <h1>{t('canteen.title')}</h1>
        {canteens.data && canteens.data.length > 1 && (
          <select value={canteen?.id} onChange={(event) => setChosen(event.target.value)} data-testid="canteen-select">
            {canteens.data.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        )}
        {canteen && (
          <span className="muted">
            {canteen.name} · {t('canteen.price', { yuan: yuanOf(canteen.priceCents) })}
          </span>
        )}
      </header>
      <FormError message={canteens.error ? errorText(canteens.error, locale) : null} />
      {canteens.data?.length === 0 && <p className="muted">{t('canteen.none')}</p>}
      {canteen && <Counter key={canteen.id} canteen={canteen} />}
    </section>
  );
}

function Counter({ canteen }: { canteen: CanteenView }) {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const [lookup, setLookup] = useState<DinerLookupInput>({ by: 'qr', value: '', reason: '' });
  const [diner, setDiner] = useState<DinerView | null>(null);
  /** What the camera saw when the elder was found by face, beside their name. */
  const [snapshot, setSnapshot] = useState<string | null>(null);
  const [served, setServed] = useState<string | null>(null);
  const finding = useSubmit();
  const serving = useSubmit();
  const today = centreDateOf(Date.now());
  const meals = useQuery({
    queryKey: ['meals', canteen.id, today],
    queryFn: () => mealsOfDay(http, canteen.id, today),
  });

  const startFinding = () => {
    setDiner(null);
    setSnapshot(null);
    setServed(null);
    serving.clear();
  };
  const find = async (event: FormEvent) => {
    event.preventDefault();
    startFinding();
    await finding.run(async () => setDiner(await findDiner(http, canteen.id, lookup)));
  };
  const findByFace = async (frames: CameraFrame[]) => {
    startFinding();
    await finding.run(async () => {
      setDiner(await checkFace(http, canteen.id, { frames: frames.map((frame) => frame.jpeg) }));
      setSnapshot(frames[0].dataUrl);
    });
  };
  const serve = async (fullPrice: boolean) => {
    if (!diner) return;
    const ok = await serving.run(async () => {
      const identified = diner.face
        ? { identifiedBy: 'face' as const, faceCheckId: diner.face.checkId }
        : { identifiedBy: lookup.by, reason: lookup.reason };
      const meal = await serveMeal(http, canteen.id, {
        elderId: diner.elder.id,
        terminal: TERMINAL,
        ...identified,
        fullPrice,
      });
      setServed(t('canteen.served', { name: meal.elder.name, yuan: yuanOf(meal.selfPayCents) }));
    });
    if (ok) {
      setDiner(null);
      setSnapshot(null);
      setLookup({ ...lookup, value: '' });
    }
    void meals.refetch();
  };
  const secondMeal =
    diner?.alreadySubsidised || (serving.failure as { code?: string } | null)?.code === 'meal-already-subsidised';

  return (
    <div className="canteen-grid">
      <Panel title={t('canteen.find')} testId="canteen-counter">
        <FaceCamera busy={finding.sending} onFrames={findByFace} />
        <form className="canteen-find" onSubmit={find}>
          <label className="field">
            <span>{t('canteen.by')}</span>
            <select
              value={lookup.by}
              onChange={(event) => setLookup({ ...lookup, by: event.target.value as DinerLookupInput['by'] })}
              data-testid="canteen-by"
            >
              <option value="qr">{t('canteen.by-qr')}</option>
              <option value="id-card">{t('canteen.by-id-card')}</option>
            </select>
          </label>
          <label className="field">
            <span>{t(lookup.by === 'qr' ? 'canteen.qr' : 'canteen.id-number')}</span>
            <input
              value={lookup.value}
              onChange={(event) => setLookup({ ...lookup, value: event.target.value })}
              autoComplete="off"
              data-testid="canteen-value"
            />
          </label>
          <label className="field canteen-reason">
            <span>{t('canteen.reason')}</span>
            <input
              value={lookup.reason}
              onChange={(event) => setLookup({ ...lookup, reason: event.target.value })}
              placeholder={t('canteen.reason-hint')}
              data-testid="canteen-reason"
            />
          </label>
          <button
            type="submit"
            className="button-primary"
            disabled={finding.sending || lookup.value.trim() === '' || lookup.reason.trim() === ''}
            data-testid="canteen-find"
          >
            {t('canteen.find')}
          </button>
        </form>
        <FormError message={finding.error} testId="canteen-find-error" />
        {served && (
          <p className="result-box result-ok" role="status" data-testid="canteen-served">
            {served}
          </p>
        )}
        {diner && (
          <div
            className="diner-card"
            data-testid="canteen-diner"
            data-subsidy={diner.subsidyCents}
            data-already-subsidised={diner.alreadySubsidised}
            data-identified-by={diner.face ? 'face' : lookup.by}
          >
            {snapshot && <img className="diner-snapshot" src={snapshot} alt="" data-testid="canteen-snapshot" />}
            <h2>{diner.elder.name}</h2>
            {diner.face && (
              <p className="muted" data-testid="canteen-face-result">
                {t('canteen.face-result', {
                  score: diner.face.matchScore.toFixed(2),
                  liveness: t(`canteen.liveness-${diner.face.liveness.result}`),
                })}
              </p>
            )}
            <p className="tags">
              {diner.elder.categories.map((category) => (
                <span key={category} className={`tag tag-${category}`}>
                  {categoryLabel(category, locale)}
                </span>
              ))}
            </p>
            <p>
              {t(`meal-period.${diner.period}`)} · {t('canteen.subsidy', { yuan: yuanOf(diner.subsidyCents) })}
            </p>
            <p className="diner-pay" data-testid="canteen-pay">
              {t('canteen.to-pay', { yuan: yuanOf(diner.selfPayCents) })}
            </p>
            {diner.collects && (
              <p className="result-box result-ok" role="status" data-testid="canteen-collects">
                {t('canteen.collects')}
              </p>
            )}
            {secondMeal && !diner.collects && <p className="form-error">{t('canteen.second-meal')}</p>}
            <FormError message={serving.error} testId="canteen-serve-error" />
            {!diner.collects && (
              <button
                type="button"
                className="button-primary"
                disabled={serving.sending}
                onClick={() => void serve(secondMeal)}
                data-testid={secondMeal ? 'canteen-serve-full-price' : 'canteen-serve'}
              >
                {secondMeal ? t('canteen.serve-full-price', { yuan: yuanOf(canteen.priceCents) }) : t('canteen.serve')}
              </button>
            )}
          </div>
        )}
      </Panel>
      <Panel title={t('canteen.today', { count: meals.data?.length ?? 0 })} testId="canteen-meals">
        <ul className="plain-list">
          {meals.data?.map((meal) => (
            <li key={meal.id} className="log-line" data-testid="canteen-meal" data-elder-id={meal.elder.id}>
              <span className="mono">{centreTimeOf(meal.servedAt)}</span>
              <strong>{meal.elder.name}</strong>
              <span>{t(`meal-period.${meal.period}`)}</span>
              <span>{t('canteen.subsidy', { yuan: yuanOf(meal.subsidyCents) })}</span>
              <span>{t('canteen.paid', { yuan: yuanOf(meal.selfPayCents) })}</span>
            </li>
          ))}
        </ul>
      </Panel>
    </div>
  );
}
