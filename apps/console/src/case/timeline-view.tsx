import type { TimelineEntry } from '@eldercare/contracts';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { Panel } from '../shared/panel';
import { timelineDetail } from './timeline-detail';
import { inTimeOrder } from './timeline-order';

/** Every moment of the alert from the device's press on, to the second, with who acted. */
export function TimelineView({ timeline }: { timeline: TimelineEntry[] }) {
  const { t, code, locale } = useI18n();
  return (
    <Panel title={t('timeline.title')} testId="timeline">
      <ol className="timeline">
        {inTimeOrder(timeline).map((entry, index) => {
          const detail = timelineDetail(entry, locale);
          return (
            <li
              key={`${entry.at}-${entry.kind}-${index}`}
              className={`timeline-entry timeline-${entry.kind}`}
              data-testid="timeline-entry"
              data-kind={entry.kind}
            >
              <span className="mono timeline-time" data-testid="timeline-time">
                {formatDateTime(entry.at)}
              </span>
              <span className="timeline-what">
                <strong>{code('timeline', entry.kind)}</strong>
                <span className="muted"> · {entry.by ? entry.by.displayName : t('timeline.system')}</span>
                {detail && <span className="timeline-detail">{detail}</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </Panel>
  );
}
