import { useState } from 'react';
import { uploadAdaptationPhoto } from '../api/adaptation-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { useSubmit } from '../shared/use-submit';

type PhotoKind = 'assessment' | 'before' | 'after';

/**
 * Adds a photo to a case, of one of `kinds`: staff any kind, a contractor those of the works. On a phone the file
 * input offers the camera.
 */
export function PhotoUpload({
  caseId,
  kinds,
  onDone,
}: {
  caseId: string;
  kinds: readonly PhotoKind[];
  onDone: () => void;
}) {
  const { http } = useSession();
  const { t } = useI18n();
  const { sending, error, run } = useSubmit();
  const [kind, setKind] = useState<PhotoKind>(kinds[0]);
  return (
    <div className="inline-form adaptation-photo-upload">
      <select value={kind} onChange={(e) => setKind(e.target.value as PhotoKind)} data-testid="adaptation-photo-kind">
        {kinds.map((option) => (
          <option key={option} value={option}>
            {t(`adaptation-photo.${option}`)}
          </option>
        ))}
      </select>
      <input
        type="file"
        accept="image/jpeg,image/png,image/webp"
        capture="environment"
        disabled={sending}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void run(() => uploadAdaptationPhoto(http, caseId, kind, file).then(onDone));
        }}
        data-testid="adaptation-photo-file"
      />
      <FormError message={error} testId="adaptation-photo-error" />
    </div>
  );
}
