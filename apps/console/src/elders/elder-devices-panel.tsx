import type { RegisteredDevice } from '@eldercare/contracts';
import { can } from '@eldercare/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { searchDevices } from '../api/devices-api';
import { useSession } from '../app/session-context';
import { DeviceList } from '../case/device-list';
import { elderDevicesQuery } from '../devices/device-query';
import { DeviceSecretBox } from '../devices/device-secret-box';
import { RegisterDeviceForm } from '../devices/register-device-form';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import type { ElderRef } from './elder-picker';

/** The elder's devices, retired ones too; for `devices.manage`, registering one more for this elder. */
export function ElderDevicesPanel({ elder }: { elder: ElderRef }) {
  const { http, user } = useSession();
  const { t, locale } = useI18n();
  const manage = can(user.role, 'devices.manage');
  const {
    data: devices,
    error,
    refetch,
  } = useQuery({
    queryKey: ['elder-devices', elder.id],
    queryFn: async () => (await searchDevices(http, elderDevicesQuery(elder.id))).devices,
  });
  const load = () => void refetch();
  const [registering, setRegistering] = useState(false);
  const [issued, setIssued] = useState<RegisteredDevice | null>(null);

  const registerButton = manage && !registering && (
    <button
      type="button"
      className="button-link"
      onClick={() => {
        setIssued(null);
        setRegistering(true);
      }}
      data-testid="elder-device-register-open"
    >
      + {t('devices.register')}
    </button>
  );

  return (
    <>
      {issued && <DeviceSecretBox device={issued} onDismiss={() => setIssued(null)} />}
      {registering && (
        <section className="panel">
          <div className="panel-body">
            <RegisterDeviceForm
              elder={elder}
              onRegistered={(device) => {
                setRegistering(false);
                setIssued(device);
                load();
              }}
              onCancel={() => setRegistering(false)}
            />
          </div>
        </section>
      )}
      <FormError message={error === null ? null : errorText(error, locale)} testId="elder-devices-error" />
      {devices ? (
        <DeviceList devices={devices} aside={registerButton} />
      ) : (
        error === null && <p className="muted">{t('app.loading')}</p>
      )}
    </>
  );
}
