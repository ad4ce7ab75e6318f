import type { ElderCard } from '@eldercare/contracts';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { telHref, type Callee } from './callees';
import { isMasked } from './masking';

/**
 * The elder and their contacts in calling order: who, their number (said when masked), and `action`, what the panel
 * offers for that number (`href` is null when it cannot be dialled).
 */
export function CalleeList({
  elder,
  callees,
  itemTestId,
  action,
}: {
  elder: ElderCard;
  callees: Callee[];
  itemTestId: string;
  action: (callee: Callee, href: string | null) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <ol className="contacts">
      {callees.map((callee) => {
        const masked = callee.contactIndex === null ? isMasked(elder, 'phone') : isMasked(elder, 'contacts');
        return (
          <li
            key={callee.contactIndex ?? 'elder'}
            className="contact"
            data-testid={itemTestId}
            data-contact-index={callee.contactIndex ?? 'elder'}
          >
            <span className="contact-who">
              <strong>{callee.name}</strong>
              <span className="muted">{callee.relation ?? t('contacts.elder')}</span>
            </span>
            <span className="mono contact-phone">
              {callee.phone}
              {masked && <span className="masked-hint">{t('masked.badge')}</span>}
            </span>
            {action(callee, telHref(callee.phone))}
          </li>
        );
      })}
    </ol>
  );
}
