import { can } from '@eldercare/domain';
import { useQuery } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { ApiError } from '../api/api-error';
import { enrolFace, faceStatus, withdrawFace } from '../api/faces-api';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { ConfirmAction } from '../shared/confirm-action';
import { FormError } from '../shared/form-error';
import { Panel } from '../shared/panel';
import { useSubmit } from '../shared/use-submit';
import { facePhotoOf } from './face-photo';

/**
 * The enrolment desk's face for the canteen: whether the elder's face is enrolled and since when; for `faces.enrol`,
 * a photo taken after the staff checked the ID card and the elder consented (on a tablet the file input opens the
 * camera); for `faces.withdraw`, deleting the face when the elder withdraws consent. The face itself is never shown.
 */
export function ElderFacePanel({ elderId }: { elderId: string }) {
  const { http, user } = useSession();
  const { t, locale } = useI18n();
  const mayEnrol = can(user.role, 'faces.enrol');
  const mayWithdraw = can(user.role, 'faces.withdraw');
  const {
    data: status,
    error: loadError,
    refetch,
  } = useQuery({ queryKey: ['elder-face', elderId], queryFn: () => faceStatus(http, elderId) });
  const [consented, setConsented] = useState(false);
  const { sending, error, run } = useSubmit();

  const enrol = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    const done = await run(async () => {
      const photo = await facePhotoOf(file).catch(() => null);
      if (photo === null) throw new ApiError(0, 'face-image-invalid', 'the picture could not be read');
      await enrolFace(http, elderId, photo);
      await refetch();
    });
    input.value = '';
    if (done) setConsented(false);
  };

  return (
    <Panel title={t('elder-face.title')} testId="elder-face">
      <FormError message={loadError === null ? null : errorText(loadError, locale)} testId="elder-face-load-error" />
      {status ? (
        <p data-testid="elder-face-status" data-enrolled={status.enrolled}>
          {status.enrolled && status.enrolledAt
            ? t('elder-face.enrolled', { at: formatDateTime(status.enrolledAt) })
            : t('elder-face.not-enrolled')}
        </p>
      ) : (
        loadError === null && <p className="muted">{t('app.loading')}</p>
      )}
      {mayEnrol && status && (
        <div className="inline-form">
          <label className="field checkbox">
            <input
              type="checkbox"
              checked={consented}
              onChange={(event) => setConsented(event.target.checked)}
              data-testid="elder-face-consent"
            />
            <span>{t('elder-face.consent')}</span>
          </label>
          <label className="field">
            <span>{status.enrolled ? t('elder-face.retake') : t('elder-face.photo')}</span>
            <input
              type="file"
              accept="image/jpeg"
              capture="user"
              disabled={!consented || sending}
              onChange={(event) => void enrol(event)}
              data-testid="elder-face-photo"
            />
          </label>
          {sending && <p className="muted">{t('elder-face.describing')}</p>}
        </div>
      )}
      <FormError message={error} testId="elder-face-error" />
      {mayWithdraw && status?.enrolled && (
        <ConfirmAction
          label={t('elder-face.withdraw')}
          question={t('elder-face.withdraw-question')}
          confirmLabel={t('elder-face.withdraw-confirm')}
          onConfirm={async () => {
            await withdrawFace(http, elderId);
            await refetch();
          }}
          testId="elder-face-withdraw"
        />
      )}
    </Panel>
  );
}
