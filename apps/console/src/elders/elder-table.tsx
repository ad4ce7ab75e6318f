import type { ElderSummary } from '@eldercare/contracts';
import type { MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { elderPath } from '../app/pages';
import { useI18n } from '../i18n/i18n-context';
import { CategoryTags } from '../queue/category-tags';
import { DeviceChips } from './device-chips';

/** The elders of one page; a click anywhere on a row opens the elder. */
export function ElderTable({ elders }: { elders: ElderSummary[] }) {
  const navigate = useNavigate();
  const { t } = useI18n();

  const open = (elderId: string) => (event: MouseEvent<HTMLTableRowElement>) => {
    // The name is a real link (a new tab on ctrl-click); the rest of the row is a wide target for the mouse.
    if ((event.target as HTMLElement).closest('a')) return;
    navigate(elderPath(elderId));
  };

  return (
    <table className="data-table" data-testid="elder-table">
      <thead>
        <tr>
          <th>{t('elders.col.name')}</th>
          <th>{t('elders.col.gender-age')}</th>
          <th>{t('elders.col.categories')}</th>
          <th>{t('elders.col.place')}</th>
          <th>{t('elders.col.phone')}</th>
          <th>{t('elders.col.devices')}</th>
          <th className="numeric">{t('elders.col.open-alerts')}</th>
        </tr>
      </thead>
      <tbody>
        {elders.map((elder) => (
          <tr
            key={elder.id}
            className="clickable"
            onClick={open(elder.id)}
            data-testid="elder-row"
            data-elder-id={elder.id}
          >
            <td>
              <Link to={elderPath(elder.id)} className="strong-link" data-testid="elder-link">
                {elder.name}
              </Link>
            </td>
            <td className="nowrap">
              {t(`gender.${elder.gender}`)} · {t('elder.age', { age: elder.age })}
            </td>
            <td>
              <CategoryTags categories={elder.categories} />
            </td>
            <td>
              {elder.place.community} <span className="muted">{elder.place.street}</span>
            </td>
            <td className="mono nowrap">{elder.phone}</td>
            <td>
              <DeviceChips devices={elder.devices} />
            </td>
            <td className="numeric">
              {elder.openAlerts > 0 ? (
                <span className="open-alerts" data-testid="elder-open-alerts">
                  {elder.openAlerts}
                </span>
              ) : (
                <span className="muted">0</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
