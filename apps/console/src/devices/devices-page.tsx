import type { RegisteredDevice } from '@eldercare/contracts';
import { can } from '@eldercare/domain';
import { useState } from 'react';
import { searchDevices } from '../api/devices-api';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { Pager } from '../shared/pager';
import { Panel } from '../shared/panel';
import { usePagedList } from '../shared/use-paged-list';
import { useRegions } from '../shared/use-regions';
import { DeviceFiltersForm } from './device-filters-form';
import { DEVICE_PAGE_SIZE, deviceQuery, NO_DEVICE_FILTERS } from './device-query';
import { DeviceSecretBox } from './device-secret-box';
import { DeviceTable } from './device-table';
import { RegisterDeviceForm } from './register-device-form';

/** 设备管理: the devices in the user's scope; for `devices.manage`, registering one (its secret shown once) and retiring. */
export function DevicesPage() {
  const { user } = useSession();
  const { t, locale } = useI18n();
  const regions = useRegions() ?? [];
  const manage = can(user.role, 'devices.manage');
  const { results, loading, error, load, reload } = usePagedList(
    'devices',
    NO_DEVICE_FILTERS,
    (http, filters, offset: number) => searchDevices(http, deviceQuery(filters, offset)),
  );
  const [registering, setRegistering] = useState(false);
  const [issued, setIssued] = useState<RegisteredDevice | null>(null);

  return (
    <section className="registry" data-testid="devices-page">
      <header className="page-head">
        <h1>{t('devices.page-title')}</h1>
        {results && (
          <span className="count" data-testid="devices-total">
            {t('devices.total', { count: results.page.total })}
          </span>
        )}
        {manage && !registering && (
          <div className="page-actions">
            <button
              type="button"
              className="button-primary"
              onClick={() => {
                setIssued(null);
                setRegistering(true);
              }}
              data-testid="device-register-open"
            >
              {t('devices.register')}
            </button>
          </div>
        )}
      </header>
      {issued && <DeviceSecretBox device={issued} onDismiss={() => setIssued(null)} />}
      {manage && registering && (
        <Panel title={t('devices.register')} testId="device-register">
          <RegisterDeviceForm
            onRegistered={(device) => {
              setRegistering(false);
              setIssued(device);
              reload();
            }}
            onCancel={() => setRegistering(false)}
          />
        </Panel>
      )}
      <DeviceFiltersForm regions={regions} onSearch={(filters) => load(filters, 0)} />
      <FormError message={error === null ? null : errorText(error, locale)} testId="devices-error" />
      {results && results.page.devices.length === 0 && !loading && (
        <p className="page-message muted" data-testid="devices-empty">
          {t('devices.empty')}
        </p>
      )}
      {results && results.page.devices.length > 0 && (
        <div className={loading ? 'is-loading' : undefined}>
          <DeviceTable devices={results.page.devices} manage={manage} onRetired={reload} />
          <Pager
            offset={results.offset}
            limit={DEVICE_PAGE_SIZE}
            shown={results.page.devices.length}
            total={results.page.total}
            onPage={(offset) => load(results.filters, offset)}
            testId="devices-pager"
          />
        </div>
      )}
      {loading && !results && <p className="muted">{t('app.loading')}</p>}
    </section>
  );
}
