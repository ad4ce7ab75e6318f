import type { DeviceView } from '@eldercare/contracts';
import type { ReactNode } from 'react';
import { formatDateTime, formatDuration, secondsSince } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { Panel } from '../shared/panel';
import { useNow } from '../shared/use-now';

/** The elder's devices with their state; `aside` goes in the panel's head (the elder page's register button). */
export function DeviceList({ devices, aside }: { devices: DeviceView[]; aside?: ReactNode }) {
  const { t, code, locale } = useI18n();
  const now = useNow();

  return (
    <Panel title={t('devices.title')} aside={aside} testId="device-list">
      {devices.length === 0 && <p className="muted">{t('devices.none')}</p>}
      <ul className="plain-list">
        {devices.map((device) => {
          const state = device.retiredAt ? 'retired' : device.online ? 'online' : 'offline';
          return (
            <li
              key={device.id}
              className="device"
              data-testid="device-item"
              data-device-id={device.id}
              data-online={device.online}
            >
              <div className="device-line">
                <span className={`dot dot-${state}`} aria-hidden="true" />
                <strong>{code('device-type', device.type)}</strong>
                <span className={`device-state state-${state}`}>{t(`device.${state}`)}</span>
                {device.battery !== null && (
                  <span className={`battery${device.battery <= 20 ? ' battery-low' : ''}`}>
                    {t('device.battery', { value: device.battery })}
                  </span>
                )}
              </div>
              <div className="device-line muted">
                <span className="mono">{device.id}</span>
                <span title={device.lastSeenAt ? formatDateTime(device.lastSeenAt) : undefined}>
                  {device.lastSeenAt
                    ? t('device.last-seen', {
                        time: t('time.ago', { duration: formatDuration(secondsSince(device.lastSeenAt, now), locale) }),
                      })
                    : t('device.never-seen')}
                </span>
              </div>
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
