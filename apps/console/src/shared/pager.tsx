import { useI18n } from '../i18n/i18n-context';
import { pageWindow } from './page-window';

/** 第 51–100 条，共 130 条, with the previous and next pages. */
export function Pager({
  offset,
  limit,
  shown,
  total,
  onPage,
  testId,
}: {
  offset: number;
  limit: number;
  shown: number;
  total: number;
  onPage: (offset: number) => void;
  testId: string;
}) {
  const { t } = useI18n();
  const place = pageWindow(offset, limit, shown, total);
  return (
    <div className="pager" data-testid={testId}>
      <span className="muted" data-testid={`${testId}-range`}>
        {t('pager.range', { from: place.from, to: place.to, total: place.total })}
      </span>
      <button
        type="button"
        className="button-secondary"
        disabled={place.previous === null}
        onClick={() => place.previous !== null && onPage(place.previous)}
        data-testid={`${testId}-previous`}
      >
        {t('pager.previous')}
      </button>
      <button
        type="button"
        className="button-secondary"
        disabled={place.next === null}
        onClick={() => place.next !== null && onPage(place.next)}
        data-testid={`${testId}-next`}
      >
        {t('pager.next')}
      </button>
    </div>
  );
}
