import type { ElderCard } from '@eldercare/contracts';
import { CalleeList } from '../case/callee-list';
import { calleesOf } from '../case/callees';
import { useI18n } from '../i18n/i18n-context';
import { Panel } from '../shared/panel';

/** The elder and their contacts in calling order, each a tap away; masked numbers say so and cannot be dialled. */
export function ElderContactsPanel({ elder }: { elder: ElderCard }) {
  const { t } = useI18n();
  return (
    <Panel title={t('contacts.title')} testId="elder-contacts">
      <CalleeList
        elder={elder}
        callees={calleesOf(elder)}
        itemTestId="elder-contact"
        action={(callee, href) =>
          href ? (
            <a className="button-call" href={href}>
              {t('contacts.call')}
            </a>
          ) : (
            <span className="muted contact-no-call">
              {callee.phone.trim() === '' ? t('contacts.no-phone') : t('contacts.masked')}
            </span>
          )
        }
      />
      {elder.contacts.length === 0 && <p className="muted">{t('contacts.none')}</p>}
    </Panel>
  );
}
