import type { ContactView } from '@eldercare/contracts';
import { useI18n } from '../i18n/i18n-context';
import { EMPTY_CONTACT, moveContact, removeContact, TEXT_LIMITS } from './elder-draft';

/** The emergency contacts in the order they are to be called: each row moves up or down, or goes. */
export function ContactsEditor({
  contacts,
  onChange,
  problems,
}: {
  contacts: ContactView[];
  onChange: (contacts: ContactView[]) => void;
  problems: (index: number) => string | undefined;
}) {
  const { t } = useI18n();
  const set = (index: number, field: keyof ContactView, value: string) =>
    onChange(contacts.map((contact, at) => (at === index ? { ...contact, [field]: value } : contact)));

  return (
    <div className="contacts-editor" data-testid="contacts-editor">
      <ol className="contacts-editor-list">
        {contacts.map((contact, index) => {
          const problem = problems(index);
          return (
            <li key={index} className="contact-edit" data-testid="contact-row">
              <span className="contact-order" aria-hidden="true">
                {index + 1}
              </span>
              <input
                value={contact.name}
                onChange={(event) => set(index, 'name', event.target.value)}
                maxLength={TEXT_LIMITS.contactName}
                placeholder={t('contacts-editor.name')}
                aria-label={t('contacts-editor.name')}
                aria-invalid={problem ? true : undefined}
                data-testid="contact-name"
              />
              <input
                value={contact.relation}
                onChange={(event) => set(index, 'relation', event.target.value)}
                maxLength={TEXT_LIMITS.relation}
                placeholder={t('contacts-editor.relation')}
                aria-label={t('contacts-editor.relation')}
                data-testid="contact-relation"
              />
              <input
                className="mono"
                type="tel"
                value={contact.phone}
                onChange={(event) => set(index, 'phone', event.target.value)}
                placeholder={t('contacts-editor.phone')}
                aria-label={t('contacts-editor.phone')}
                aria-invalid={problem ? true : undefined}
                data-testid="contact-phone"
              />
              <span className="contact-tools">
                <button
                  type="button"
                  className="icon-button"
                  onClick={() => onChange(moveContact(contacts, index, -1))}
                  disabled={index === 0}
                  title={t('contacts-editor.up')}
                  aria-label={t('contacts-editor.up')}
                  data-testid="contact-up"
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  onClick={() => onChange(moveContact(contacts, index, 1))}
                  disabled={index === contacts.length - 1}
                  title={t('contacts-editor.down')}
                  aria-label={t('contacts-editor.down')}
                  data-testid="contact-down"
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="icon-button icon-danger"
                  onClick={() => onChange(removeContact(contacts, index))}
                  title={t('contacts-editor.remove')}
                  aria-label={t('contacts-editor.remove')}
                  data-testid="contact-remove"
                >
                  ×
                </button>
              </span>
              {problem && (
                <span className="field-problem contact-problem" data-testid="contact-problem">
                  {problem}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {contacts.length === 0 && <p className="muted">{t('contacts.none')}</p>}
      <button
        type="button"
        className="button-link"
        onClick={() => onChange([...contacts, EMPTY_CONTACT])}
        data-testid="contact-add"
      >
        + {t('contacts-editor.add')}
      </button>
    </div>
  );
}
