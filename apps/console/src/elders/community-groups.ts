import type { ElderCard } from '@eldercare/contracts';
import type { RegionView } from '../api/regions-api';
import { regionOptions } from '../shared/region-options';

export interface CommunityGroup {
  /** 东湖区 · 公园街道; empty when the street is outside the user's list. */
  label: string;
  communities: { id: string; name: string }[];
}

/** The communities (村/社区) an elder can be placed in, grouped by their street, in the tree's order. */
export function communityGroups(regions: readonly RegionView[]): CommunityGroup[] {
  const byId = new Map(regions.map((region) => [region.id, region]));
  const groups: CommunityGroup[] = [];
  let lastParent: string | null | undefined;
  for (const option of regionOptions(regions)) {
    const region = byId.get(option.id);
    if (!region || region.level !== 'community') continue;
    if (groups.length === 0 || region.parentId !== lastParent) {
      const street = region.parentId === null ? undefined : byId.get(region.parentId);
      const district = street?.parentId ? byId.get(street.parentId) : undefined;
      groups.push({ label: [district?.name, street?.name].filter(Boolean).join(' · '), communities: [] });
      lastParent = region.parentId;
    }
    groups[groups.length - 1].communities.push({ id: region.id, name: region.name });
  }
  return groups;
}

/**
 * The id of the community an elder's card names. The card carries names only (`place` has no `communityId`), so
 * the edit form finds it by the community's name under the street's name; '' when that is not one community.
 */
export function communityIdOf(regions: readonly RegionView[], place: ElderCard['place']): string {
  const byId = new Map(regions.map((region) => [region.id, region]));
  const named = regions.filter((region) => region.level === 'community' && region.name === place.community);
  const underStreet = named.filter(
    (region) => region.parentId !== null && byId.get(region.parentId)?.name === place.street,
  );
  const found = underStreet.length > 0 ? underStreet : named;
  return found.length === 1 ? found[0].id : '';
}
