import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { FamilyElderSection } from './family-elder-section';

/** 我的家人: for each of the family's elders, their devices, alerts and the record of the services they get. */
export function FamilyPage() {
  const { user } = useSession();
  const { t } = useI18n();
  return (
    <section className="family-page" data-testid="family-page">
      <header className="page-head">
        <h1>{t('family.title')}</h1>
      </header>
      {user.elderIds.length === 0 && <p className="muted">{t('family.no-elders')}</p>}
      {user.elderIds.map((elderId) => (
        <FamilyElderSection key={elderId} elderId={elderId} />
      ))}
    </section>
  );
}
