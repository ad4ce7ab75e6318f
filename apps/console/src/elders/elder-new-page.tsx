import { Link, useNavigate } from 'react-router';
import { createElder } from '../api/elders-api';
import { elderPath } from '../app/pages';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { useRegions } from '../shared/use-regions';
import { ElderForm } from './elder-form';
import { EMPTY_ELDER_DRAFT } from './elder-draft';

/** 新建老人档案. */
export function ElderNewPage() {
  const navigate = useNavigate();
  const { http } = useSession();
  const { t } = useI18n();
  const regions = useRegions();
  if (regions === null) return <p className="page-message">{t('app.loading')}</p>;
  return (
    <section data-testid="elder-new-page">
      <Link to="/elders" className="back-link">
        ← {t('elder-page.back')}
      </Link>
      <header className="page-head">
        <h1>{t('elder-form.new-title')}</h1>
      </header>
      <ElderForm
        initial={EMPTY_ELDER_DRAFT}
        regions={regions}
        submitLabel={t('elder-form.create')}
        cancelPath="/elders"
        save={(input) => createElder(http, input)}
        onSaved={(card) => navigate(elderPath(card.id), { replace: true })}
      />
    </section>
  );
}
