import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n-context';

/** The one answer for an alert that does not exist and for one outside the user's scope: the server gives no difference. */
export function AlertNotFound() {
  const { t } = useI18n();
  return (
    <section className="page-message" data-testid="alert-not-found">
      <h1>{t('case.not-found')}</h1>
      <p className="muted">{t('case.not-found-detail')}</p>
      <Link to="/">{t('page.home')}</Link>
    </section>
  );
}
