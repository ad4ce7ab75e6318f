import type { DeviceListItem } from '@eldercare/contracts';
import { Link } from 'react-router';
import { retireDevice } from '../api/devices-api';
import { elderPath } from '../app/pages';
import { useSession } from '../app/session-context';
import { LOW_BATTERY } from '../elders/device-chips';
import { formatDateTime, formatDuration, secondsSince } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { ConfirmAction } from '../shared/confirm-action';
import { DeviceIcon } from '../shared/device-icon';
import { useNow } from '../shared/use-now';
import { deviceState } from './device-state';

/** The devices of one page; `manage` adds the retire button to each device still in service. */
export function DeviceTable({
  devices,
  manage,
  onRetired,
}: {
  devices: DeviceListItem[];
  manage: boolean;
  onRetired: () => void;
}) {
  const { http } = useSession();
  const { t, code, locale } = useI18n();
  const now = useNow();

  return (
    <table className="data-table" data-testid="device-table">
      <thead>
        <tr>
          <th>{t('devices.col.id')}</th>
          <th>{t('devices.col.type')}</th>
          <th>{t('devices.col.elder')}</th>
          <th>{t('devices.col.state')}</th>
          <th className="numeric">{t('devices.col.battery')}</th>
          <th>{t('devices.col.last-seen')}</th>
          <th>{t('devices.col.registered')}</th>
          {manage && <th className="actions-col" />}
        </tr>
      </thead>
      <tbody>
        {devices.map((device) => {
          const state = deviceState(device);
          return (
            <tr
              key={device.id}
              data-testid="device-row"
              data-device-id={device.id}
              data-state={state}
              className={state === 'retired' ? 'row-retired' : undefined}
            >
              <td className="mono">{device.id}</td>
              <td className="nowrap">
                <span className="device-type">
                  <DeviceIcon type={device.type} />
                  {code('device-type', device.type)}
                </span>
              </td>
              <td>
                {device.elder ? (
                  <Link to={elderPath(device.elder.id)}>{device.elder.name}</Link>
                ) : (
                  <span className="muted">{t('devices.no-elder')}</span>
                )}
              </td>
              <td className="nowrap">
                <span className={`dot dot-${state}`} aria-hidden="true" />{' '}
                <span className={`device-state state-${state}`} data-testid="device-state">
                  {t(`device.${state}`)}
                </span>
                {device.retiredAt && <span className="muted small"> {formatDateTime(device.retiredAt)}</span>}
              </td>
              <td className="numeric">
                {device.battery === null ? (
                  <span className="muted">—</span>
                ) : (
                  <span className={device.battery <= LOW_BATTERY ? 'battery-low' : undefined}>{device.battery}%</span>
                )}
              </td>
              <td className="nowrap" title={device.lastSeenAt ? formatDateTime(device.lastSeenAt) : undefined}>
                {device.lastSeenAt ? (
                  t('time.ago', { duration: formatDuration(secondsSince(device.lastSeenAt, now), locale) })
                ) : (
                  <span className="muted">{t('device.never-seen')}</span>
                )}
              </td>
              <td className="mono nowrap">{formatDateTime(device.registeredAt)}</td>
              {manage && (
                <td className="actions-col">
                  {state !== 'retired' && (
                    <ConfirmAction
                      label={t('devices.retire')}
                      question={t('devices.retire-question', { id: device.id, type: code('device-type', device.type) })}
                      confirmLabel={t('devices.retire-confirm')}
                      onConfirm={async () => {
                        await retireDevice(http, device.id);
                        onRetired();
                      }}
                      testId="device-retire"
                    />
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
