import type { RegionView } from '../api/regions-api';
import { useI18n } from '../i18n/i18n-context';
import { regionOptions } from '../shared/region-options';

/** Regions to tick, as the tree reads (区, its 街道, their 社区); a ticked region takes in everything below it. */
export function RegionChecklist({
  regions,
  chosen,
  onChange,
  invalid,
}: {
  regions: RegionView[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
  invalid: boolean;
}) {
  const { t } = useI18n();
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((other) => other !== id));
  return (
    <div className={`checklist${invalid ? ' checklist-invalid' : ''}`} data-testid="user-regions">
      {regions.length === 0 && <p className="muted">{t('user-form.no-regions')}</p>}
      {regionOptions(regions).map((region) => (
        <label key={region.id} className={`check depth-${Math.min(region.depth, 3)}`}>
          <input
            type="checkbox"
            checked={chosen.includes(region.id)}
            onChange={(event) => toggle(region.id, event.target.checked)}
            data-testid="user-region"
            data-region-id={region.id}
          />
          {region.name}
        </label>
      ))}
    </div>
  );
}
