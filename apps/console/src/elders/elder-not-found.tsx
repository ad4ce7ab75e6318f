import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n-context';

/** The one answer for an elder who is not registered and one outside the user's scope. */
export function ElderNotFound() {
  const { t } = useI18n();
  return (
    <section className="page-message" data-testid="elder-not-found">
      <h1>{t('elder-page.not-found')}</h1>
      <p className="muted">{t('elder-page.not-found-detail')}</p>
      <Link to="/elders">{t('elder-page.back')}</Link>
    </section>
  );
}
