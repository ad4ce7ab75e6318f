import type { ProviderView } from '@eldercare/contracts';
import { useEffect, useState } from 'react';
import { fetchProviders } from '../api/providers-api';
import { useSession } from '../app/session-context';

/** The care providers and their caregivers: null until read, and empty when they could not be read. */
export function useProviders(): ProviderView[] | null {
  const { http } = useSession();
  const [providers, setProviders] = useState<ProviderView[] | null>(null);

  useEffect(() => {
    let current = true;
    fetchProviders(http).then(
      (loaded) => current && setProviders(loaded),
      () => current && setProviders([]),
    );
    return () => {
      current = false;
    };
  }, [http]);

  return providers;
}
