import type { ElderCard } from '@contracts/console';
import { calleesOf, telHref } from '../case/callees';
import { isMasked } from '../case/masking';
import { useI18n } from '../i18n/i18n-context';
import { Panel } from '../shared/panel';

/** The elder and their contacts in calling order, each a tap away; masked numbers say so and cannot be dialled. */
export function ElderContactsPanel({ elder }: { elder: ElderCard }) {
  const { t } = useI18n();
  return (
    <Panel title={t('contacts.title')} testId="elder-contacts">
      <ol className="contacts">
        {calleesOf(elder).map((callee) => {
          const href = telHref(callee.phone);
          const masked = callee.contactIndex === null ? isMasked(elder, 'phone') : isMasked(elder, 'contacts');
          return (
            <li key={callee.contactIndex ?? 'elder'} className="contact" data-testid="elder-contact" data-contact-index={callee.contactIndex ?? 'elder'}>
              <span className="contact-who">
                <strong>{callee.name}</strong>
                <span className="muted">{callee.relation ?? t('contacts.elder')}</span>
              </span>
              <span className="mono contact-phone">
                {callee.phone}
                {masked && <span className="masked-hint">{t('masked.badge')}</span>}
              </span>
              {href ? (
                <a className="button-call" href={href}>
                  {t('contacts.call')}
                </a>
              ) : (
                <span className="muted contact-no-call">{callee.phone.trim() === '' ? t('contacts.no-phone') : t('contacts.masked')}</span>
              )}
            </li>
          );
        })}
      </ol>
      {elder.contacts.length === 0 && <p className="muted">{t('contacts.none')}</p>}
    </Panel>
  );
}
