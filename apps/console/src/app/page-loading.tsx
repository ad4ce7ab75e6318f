import { useI18n } from '../i18n/i18n-context';

/** Said while the session, the console or a page's code is still loading. */
export function PageLoading() {
  const { t } = useI18n();
  return <p className="page-message">{t('app.loading')}</p>;
}
