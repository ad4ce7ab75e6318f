import type { DeviceView } from '@eldercare/contracts';
import { useI18n } from '../i18n/i18n-context';
import { DeviceIcon } from '../shared/device-icon';

type DeviceChip = Pick<DeviceView, 'id' | 'type' | 'online' | 'battery'>;

/** Battery at or below this shows in red, as on the case page. */
export const LOW_BATTERY = 20;

/** One mark per device: its type as an icon, green online or red offline, and the battery when it has one. */
export function DeviceChips({ devices }: { devices: DeviceChip[] }) {
  const { t, code } = useI18n();
  if (devices.length === 0) return <span className="muted">{t('elders.no-devices')}</span>;
  return (
    <span className="device-chips">
      {devices.map((device) => {
        const state = device.online ? 'online' : 'offline';
        const battery = device.battery === null ? '' : ` · ${t('device.battery', { value: device.battery })}`;
        return (
          <span
            key={device.id}
            className={`device-chip chip-${state}`}
            title={`${code('device-type', device.type)} ${device.id} · ${t(`device.${state}`)}${battery}`}
            data-testid="device-chip"
            data-device-type={device.type}
            data-online={device.online}
          >
            <DeviceIcon type={device.type} />
            {device.battery !== null && (
              <span className={device.battery <= LOW_BATTERY ? 'chip-battery battery-low' : 'chip-battery'}>
                {device.battery}%
              </span>
            )}
          </span>
        );
      })}
    </span>
  );
}
