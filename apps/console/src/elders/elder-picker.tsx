import type { ElderSummary } from '@eldercare/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { searchElders } from '../api/elders-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { useSettled } from '../shared/use-settled';
import { elderQuery, NO_ELDER_FILTERS } from './elder-query';

/** An elder picked by name: enough to send the id and to show who it is. */
export interface ElderRef {
  id: string;
  name: string;
}

const SUGGESTIONS = 8;
const TYPING_PAUSE_MS = 250;

/**
 * Finds elders by name in the user's scope and picks one (or several, `multiple`). Searching reads the list, which
 * is not audited; nothing opens a record.
 */
export function ElderPicker({
  value,
  onChange,
  multiple = false,
  testId,
  invalid = false,
}: {
  value: ElderRef[];
  onChange: (value: ElderRef[]) => void;
  multiple?: boolean;
  testId: string;
  invalid?: boolean;
}) {
  const { http } = useSession();
  const { t } = useI18n();
  const [text, setText] = useState('');
  const typed = useSettled(text.trim(), TYPING_PAUSE_MS);
  const suggestions = useQuery({
    queryKey: ['elder-suggestions', typed],
    queryFn: async () =>
      (await searchElders(http, elderQuery({ ...NO_ELDER_FILTERS, q: typed }, 0, SUGGESTIONS))).elders,
    enabled: typed !== '',
    placeholderData: keepPreviousData,
  });
  const found = text.trim() === '' ? null : suggestions.isError ? [] : (suggestions.data ?? null);

  const pick = (elder: ElderSummary) => {
    const chosen = { id: elder.id, name: elder.name };
    onChange(multiple ? [...value.filter((other) => other.id !== elder.id), chosen] : [chosen]);
    setText('');
  };

  const escape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      setText('');
    }
  };

  const searching = multiple || value.length === 0;
  const offered = found?.filter((elder) => !value.some((chosen) => chosen.id === elder.id)) ?? null;

  return (
    <div className="picker" data-testid={testId}>
      {value.length > 0 && (
        <span className="picker-chosen">
          {value.map((elder) => (
            <span key={elder.id} className="chip" data-testid={`${testId}-chosen`} data-elder-id={elder.id}>
              {elder.name}
              <button
                type="button"
                className="chip-remove"
                onClick={() => onChange(value.filter((other) => other.id !== elder.id))}
                aria-label={t('picker.remove', { name: elder.name })}
                data-testid={`${testId}-remove`}
              >
                ×
              </button>
            </span>
          ))}
        </span>
      )}
      {searching && (
        <div className="picker-search">
          <input
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={escape}
            placeholder={t('picker.elder-hint')}
            aria-invalid={invalid || undefined}
            data-testid={`${testId}-input`}
          />
          {offered && (
            <ul className="picker-results" role="listbox">
              {offered.length === 0 && <li className="muted picker-none">{t('picker.none')}</li>}
              {offered.map((elder) => (
                <li key={elder.id}>
                  <button
                    type="button"
                    onClick={() => pick(elder)}
                    data-testid={`${testId}-option`}
                    data-elder-id={elder.id}
                  >
                    <strong>{elder.name}</strong>
                    <span className="muted">
                      {t('elder.age', { age: elder.age })} · {elder.place.community} · {elder.place.street}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
