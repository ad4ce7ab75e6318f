import type { ProviderView } from '@eldercare/contracts';
import { useI18n } from '../i18n/i18n-context';

/** The `<option>`s of a provider picker: 请选择 (or loading while `providers` is null), then each provider. */
export function ProviderSelectOptions({ providers }: { providers: readonly ProviderView[] | null }) {
  const { t } = useI18n();
  return (
    <>
      <option value="">{providers ? t('resolve.choose') : t('app.loading')}</option>
      {(providers ?? []).map((provider) => (
        <option key={provider.id} value={provider.id}>
          {provider.name}
        </option>
      ))}
    </>
  );
}
