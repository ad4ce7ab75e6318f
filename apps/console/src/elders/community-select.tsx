import type { RegionView } from '../api/regions-api';
import { useI18n } from '../i18n/i18n-context';
import { communityGroups } from './community-groups';

/** The communities (村/社区) the writer may place an elder in, under their district and street. */
export function CommunitySelect({
  regions,
  value,
  onChange,
  invalid,
}: {
  regions: RegionView[];
  value: string;
  onChange: (id: string) => void;
  invalid: boolean;
}) {
  const { t } = useI18n();
  return (
    <select
      value={value}
      onChange={(event) => onChange(event.target.value)}
      aria-invalid={invalid || undefined}
      data-testid="elder-community"
    >
      <option value="">{t('resolve.choose')}</option>
      {communityGroups(regions).map((group, index) => (
        <optgroup key={`${group.label}-${index}`} label={group.label || t('elder-form.other-communities')}>
          {group.communities.map((community) => (
            <option key={community.id} value={community.id}>
              {community.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
