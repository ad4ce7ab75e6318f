import type { RegionView } from '../api/regions-api';
import { regionOptions } from './region-options';

const INDENT = '\u3000';

/** The `<option>`s of a region picker, each indented by its depth under the district. */
export function RegionSelectOptions({ regions }: { regions: readonly RegionView[] }) {
  return (
    <>
      {regionOptions(regions).map((region) => (
        <option key={region.id} value={region.id}>
          {INDENT.repeat(region.depth)}
          {region.name}
        </option>
      ))}
    </>
  );
}
