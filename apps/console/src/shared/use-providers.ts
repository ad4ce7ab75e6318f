import type { ProviderView } from '@eldercare/contracts';
import { useQuery } from '@tanstack/react-query';
import { fetchProviders } from '../api/providers-api';
import { useSession } from '../app/session-context';

/** The care providers and their caregivers: null until read, and empty when they could not be read. */
export function useProviders(): ProviderView[] | null {
  const { http } = useSession();
  const { data, isError } = useQuery({ queryKey: ['providers'], queryFn: () => fetchProviders(http) });
  if (isError) return [];
  return data ?? null;
}
