import type { RegisteredDevice } from '@eldercare/contracts';
import { useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { copyText } from '../shared/copy-text';

/**
 * The new device's secret, this once: the api keeps only its hash. It stays until the installer says they have it,
 * and goes for good when dismissed.
 */
export function DeviceSecretBox({ device, onDismiss }: { device: RegisteredDevice; onDismiss: () => void }) {
  const { t } = useI18n();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);

  const copy = async () => setCopied(await copyText(device.secret, field.current));

  return (
    <section className="secret-box" role="alert" data-testid="device-secret" data-device-id={device.deviceId}>
      <header className="secret-head">
        <h2>{t('device-secret.title', { id: device.deviceId })}</h2>
      </header>
      <p className="secret-warning" data-testid="device-secret-warning">
        {t('device-secret.warning')}
      </p>
      <div className="secret-line">
        <input
          ref={field}
          className="mono secret-value"
          value={device.secret}
          readOnly
          onFocus={(event) => event.target.select()}
          aria-label={t('device-secret.label')}
          data-testid="device-secret-value"
        />
        <button type="button" className="button-secondary" onClick={() => void copy()} data-testid="device-secret-copy">
          {t('device-secret.copy')}
        </button>
        {copied !== null && (
          <span className={copied ? 'copied' : 'form-error'} role="status" data-testid="device-secret-copied">
            {copied ? t('device-secret.copied') : t('device-secret.copy-failed')}
          </span>
        )}
      </div>
      <button type="button" className="button-primary" onClick={onDismiss} data-testid="device-secret-dismiss">
        {t('device-secret.dismiss')}
      </button>
    </section>
  );
}
