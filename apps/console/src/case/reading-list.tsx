import type { DeviceView, ReadingView } from '@eldercare/contracts';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { Panel } from '../shared/panel';
import { readingFacts } from './reading-facts';

export function ReadingList({ readings, devices }: { readings: ReadingView[]; devices: DeviceView[] }) {
  const { t, code, locale } = useI18n();
  const typeOf = (deviceId: string) => devices.find((device) => device.id === deviceId)?.type;

  return (
    <Panel title={t('readings.title')} testId="reading-list">
      {readings.length === 0 && <p className="muted">{t('readings.none')}</p>}
      <ul className="plain-list">
        {readings.map((reading) => {
          const type = typeOf(reading.deviceId);
          return (
            <li
              key={`${reading.deviceId}-${reading.type}-${reading.at}`}
              className="reading"
              data-testid="reading-item"
            >
              <div className="reading-line">
                <strong>{code('reading-kind', reading.type)}</strong>
                <span className="muted">{type ? code('device-type', type) : reading.deviceId}</span>
                <span className="mono muted reading-time">{formatDateTime(reading.at)}</span>
              </div>
              <div className="reading-facts">{readingFacts(reading.data, locale).join(' · ')}</div>
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
