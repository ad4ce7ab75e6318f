import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { updateElder } from '../api/elders-api';
import { elderPath } from '../app/pages';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { LoadFailed } from '../shared/load-failed';
import { useRegions } from '../shared/use-regions';
import { communityIdOf } from './community-groups';
import { draftFromCard } from './elder-draft';
import { ElderForm } from './elder-form';
import { ElderNotFound } from './elder-not-found';
import { useElderCard } from './use-elder-card';

/** 修改老人档案: the form filled from the record, saved with PUT. */
export function ElderEditPage({ elderId }: { elderId: string }) {
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { http } = useSession();
  const { t } = useI18n();
  const regions = useRegions();
  const { state, reload } = useElderCard(elderId);

  if (state.status === 'loading' || regions === null) return <p className="page-message">{t('app.loading')}</p>;
  if (state.status === 'not-found') return <ElderNotFound />;
  if (state.status === 'failed') return <LoadFailed error={state.error} onRetry={reload} testId="elder-failed" />;

  const { card } = state;
  const back = elderPath(card.id);
  if (card.masked.length > 0) {
    return (
      <section className="page-message" data-testid="elder-edit-masked">
        <p>{t('elder-form.masked')}</p>
        <Link to={back}>{t('elder-form.back-to-elder')}</Link>
      </section>
    );
  }
  const communityId = communityIdOf(regions, card.place);

  return (
    <section data-testid="elder-edit-page" data-elder-id={card.id}>
      <Link to={back} className="back-link">
        ← {t('elder-form.back-to-elder')}
      </Link>
      <header className="page-head">
        <h1>{t('elder-form.edit-title', { name: card.name })}</h1>
        {communityId === '' && (
          <span className="form-error" data-testid="elder-community-unknown">
            {t('elder-form.community-unknown', { community: card.place.community, street: card.place.street })}
          </span>
        )}
      </header>
      <ElderForm
        initial={draftFromCard(card, communityId)}
        regions={regions}
        submitLabel={t('elder-form.save')}
        cancelPath={back}
        save={(input) => updateElder(http, card.id, input)}
        onSaved={(saved) => {
          // The saved record is the api's answer: the elder's page shows it while it reads the record again.
          queries.setQueryData(['elder', saved.id], saved);
          navigate(elderPath(saved.id), { replace: true });
        }}
      />
    </section>
  );
}
