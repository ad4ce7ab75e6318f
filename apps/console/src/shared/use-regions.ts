import { can } from '@eldercare/domain';
import { useEffect, useState } from 'react';
import { fetchRegions, type RegionView } from '../api/regions-api';
import { useSession } from '../app/session-context';

/**
 * The regions the user watches, for pickers and names: null until they are read; none for a role that may not
 * read them, or when reading failed (a picker then simply is not offered).
 */
export function useRegions(): RegionView[] | null {
  const { http, user } = useSession();
  const allowed = can(user.role, 'regions.read');
  const [regions, setRegions] = useState<RegionView[] | null>(allowed ? null : []);

  useEffect(() => {
    if (!allowed) return;
    let current = true;
    fetchRegions(http).then(
      (loaded) => current && setRegions(loaded),
      () => current && setRegions([]),
    );
    return () => {
      current = false;
    };
  }, [http, allowed]);

  return regions;
}
