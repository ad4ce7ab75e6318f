import { can } from '@eldercare/domain';
import { useQuery } from '@tanstack/react-query';
import { fetchRegions, type RegionView } from '../api/regions-api';
import { useSession } from '../app/session-context';

/**
 * The regions the user watches, for pickers and names: null until they are read; none for a role that may not
 * read them, or when reading failed (a picker then simply is not offered).
 */
export function useRegions(): RegionView[] | null {
  const { http, user } = useSession();
  const allowed = can(user.role, 'regions.read');
  const { data, isError } = useQuery({ queryKey: ['regions'], queryFn: () => fetchRegions(http), enabled: allowed });
  if (!allowed || isError) return [];
  return data ?? null;
}
