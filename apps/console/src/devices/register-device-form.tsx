import type { DeviceInput, RegisteredDevice } from '@eldercare/contracts';
import { DEVICE_TYPES } from '@eldercare/protocol';
import { useState, type FormEvent } from 'react';
import { registerDevice } from '../api/devices-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { ElderPicker, type ElderRef } from '../elders/elder-picker';
import { useSubmit } from '../shared/use-submit';
import { FormError } from '../shared/form-error';
import { checkDeviceDraft, EMPTY_DEVICE_DRAFT, type DeviceDraft, type DeviceProblems } from './device-draft';

/** Registers a device for an elder: chosen here, or `elder` when the form sits on that elder's page. */
export function RegisterDeviceForm({
  elder,
  onRegistered,
  onCancel,
}: {
  elder?: ElderRef;
  onRegistered: (device: RegisteredDevice, input: DeviceInput) => void;
  onCancel: () => void;
}) {
  const { http } = useSession();
  const { t, code } = useI18n();
  const { sending, error, run } = useSubmit();
  const [draft, setDraft] = useState<DeviceDraft>({ ...EMPTY_DEVICE_DRAFT, elderId: elder?.id ?? '' });
  const [picked, setPicked] = useState<ElderRef[]>(elder ? [elder] : []);
  const [problems, setProblems] = useState<DeviceProblems>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = checkDeviceDraft(draft);
    if (!check.ok) {
      setProblems(check.problems);
      return;
    }
    setProblems({});
    let registered: RegisteredDevice | undefined;
    if (await run(async () => (registered = await registerDevice(http, check.input)))) {
      if (registered) onRegistered(registered, check.input);
    }
  };

  const problem = (field: keyof DeviceDraft) =>
    problems[field] && (
      <span className="field-problem" data-testid={`device-form-problem-${field}`}>
        {t(problems[field])}
      </span>
    );

  return (
    <form className="inline-form register-device" onSubmit={submit} noValidate data-testid="register-device-form">
      <div className="form-grid form-grid-3">
        <label className="field">
          <span>
            {t('device-form.id')} <span className="required">*</span>
          </span>
          <input
            className="mono"
            value={draft.id}
            onChange={(event) => setDraft({ ...draft, id: event.target.value })}
            maxLength={64}
            placeholder={t('device-form.id-hint')}
            aria-invalid={problems.id ? true : undefined}
            autoComplete="off"
            data-testid="register-device-id"
          />
          {problem('id')}
        </label>
        <label className="field">
          <span>
            {t('device-form.type')} <span className="required">*</span>
          </span>
          <select
            value={draft.type}
            onChange={(event) => setDraft({ ...draft, type: event.target.value as DeviceDraft['type'] })}
            aria-invalid={problems.type ? true : undefined}
            data-testid="register-device-type"
          >
            <option value="">{t('resolve.choose')}</option>
            {DEVICE_TYPES.map((type) => (
              <option key={type} value={type}>
                {code('device-type', type)}
              </option>
            ))}
          </select>
          {problem('type')}
        </label>
        <div className="field">
          <span>
            {t('device-form.elder')} <span className="required">*</span>
          </span>
          {elder ? (
            <strong className="fixed-value" data-testid="register-device-elder-fixed">
              {elder.name}
            </strong>
          ) : (
            <ElderPicker
              value={picked}
              onChange={(value) => {
                setPicked(value);
                setDraft({ ...draft, elderId: value[0]?.id ?? '' });
              }}
              invalid={Boolean(problems.elderId)}
              testId="register-device-elder"
            />
          )}
          {problem('elderId')}
        </div>
      </div>
      <FormError message={error} testId="register-device-error" />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={sending} data-testid="register-device-submit">
          {sending ? t('form.sending') : t('device-form.submit')}
        </button>
        <button type="button" className="button-plain" onClick={onCancel} data-testid="register-device-cancel">
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
