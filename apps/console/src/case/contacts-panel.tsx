import type { ElderCard } from '@eldercare/contracts';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { Panel } from '../shared/panel';
import { CallForm, calleeValue } from './call-form';
import { CalleeList } from './callee-list';
import { calleesOf } from './callees';

/** The elder and their contacts in calling order, each a tap away; dialling one picks them in the call form. */
export function ContactsPanel({
  alertId,
  elder,
  open,
  onLogged,
}: {
  alertId: string;
  elder: ElderCard;
  open: boolean;
  onLogged: () => void;
}) {
  const { t } = useI18n();
  const callees = calleesOf(elder);
  const [picked, setPicked] = useState(calleeValue(null));

  return (
    <Panel title={t('contacts.title')} testId="contacts">
      <CalleeList
        elder={elder}
        callees={callees}
        itemTestId="contact"
        action={(callee, href) =>
          href ? (
            <a
              className="button-call"
              href={href}
              onClick={() => setPicked(calleeValue(callee.contactIndex))}
              data-testid="contact-call"
            >
              {t('contacts.call')}
            </a>
          ) : (
            <span className="muted contact-no-call" title={t('contacts.masked')}>
              {t('contacts.masked')}
            </span>
          )
        }
      />
      {elder.contacts.length === 0 && <p className="muted">{t('contacts.none')}</p>}
      {open && (
        <CallForm alertId={alertId} callees={callees} callee={picked} onCalleeChange={setPicked} onLogged={onLogged} />
      )}
    </Panel>
  );
}
