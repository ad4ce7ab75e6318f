import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n-context';

/** A page the role may not use, opened by its address: said plainly, rather than controls the api would refuse. */
export function NotPermittedPage() {
  const { t } = useI18n();
  return (
    <section className="page-message" data-testid="page-not-permitted">
      <h1>{t('page.not-permitted')}</h1>
      <p className="muted">{t('page.not-permitted-detail')}</p>
      <Link to="/">{t('page.home')}</Link>
    </section>
  );
}
