import type { WorkOrderView } from '@eldercare/contracts';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { rateWorkOrder } from '../api/work-orders-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { useSubmit } from '../shared/use-submit';
import { FormError } from '../shared/form-error';

const STARS = [1, 2, 3, 4, 5] as const;

/** One to five stars and a word, once per visit. A second rating (from another family member) is said kindly. */
export function RatingForm({ visit, onRated }: { visit: WorkOrderView; onRated: () => void }) {
  const { http } = useSession();
  const { t } = useI18n();
  const { sending, error, failure, run } = useSubmit();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const alreadyRated = failure instanceof ApiError && failure.code === 'visit-already-rated';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (stars === 0) return;
    if (await run(() => rateWorkOrder(http, visit.id, { stars, comment: comment.trim() }))) onRated();
  };

  if (alreadyRated)
    return (
      <p className="muted small" data-testid="visit-rating-taken">
        {t('rating.already')}
      </p>
    );

  return (
    <form className="rating-form" onSubmit={submit} data-testid="visit-rating-form">
      <span className="rating-stars" role="radiogroup" aria-label={t('rating.title')}>
        {STARS.map((value) => (
          <button
            key={value}
            type="button"
            className={`star${value <= stars ? ' star-on' : ''}`}
            role="radio"
            aria-checked={value === stars}
            aria-label={t('rating.stars', { stars: value })}
            onClick={() => setStars(value)}
            data-testid="visit-rating-stars"
            data-stars={value}
          >
            ★
          </button>
        ))}
      </span>
      <input
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        maxLength={2000}
        placeholder={t('rating.comment-hint')}
        aria-label={t('rating.comment')}
        data-testid="visit-rating-comment"
      />
      <button
        type="submit"
        className="button-secondary"
        disabled={sending || stars === 0}
        data-testid="visit-rating-submit"
      >
        {sending ? t('form.sending') : t('rating.submit')}
      </button>
      <FormError message={error} />
    </form>
  );
}
