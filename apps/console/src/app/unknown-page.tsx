import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n-context';

export function UnknownPage() {
  const { t } = useI18n();
  return (
    <section className="page-message" data-testid="page-not-found">
      <h1>{t('page.unknown')}</h1>
      <Link to="/">{t('page.home')}</Link>
    </section>
  );
}
