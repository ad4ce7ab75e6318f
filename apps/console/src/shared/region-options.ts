import type { RegionView } from '../api/regions-api';

export interface RegionOption {
  id: string;
  name: string;
  /** 0 for a district, 1 for a street or town, 2 for a community or village. */
  depth: number;
}

/** The regions as a tree read top-down (区, its 街道, their 社区), for an indented picker. */
export function regionOptions(regions: readonly RegionView[]): RegionOption[] {
  const ids = new Set(regions.map((region) => region.id));
  const children = new Map<string | null, RegionView[]>();
  for (const region of regions) {
    // A region whose parent is outside the user's list is a root for them.
    const parent = region.parentId !== null && ids.has(region.parentId) ? region.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), region]);
  }
  const options: RegionOption[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const region of children.get(parent) ?? []) {
      options.push({ id: region.id, name: region.name, depth });
      visit(region.id, depth + 1);
    }
  };
  visit(null, 0);
  return options;
}
