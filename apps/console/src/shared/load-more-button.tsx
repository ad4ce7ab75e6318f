import { useI18n } from '../i18n/i18n-context';

/** 加载更多: the next page of a list read by cursor, appended under what is shown. */
export function LoadMoreButton({ onMore, testId }: { onMore: () => void; testId: string }) {
  const { t } = useI18n();
  return (
    <button type="button" className="button-secondary history-more" onClick={onMore} data-testid={testId}>
      {t('history.more')}
    </button>
  );
}
