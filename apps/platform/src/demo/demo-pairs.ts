import { PAIR_KINDS, type RiskLevel } from '@eldercare/domain';
import { RiskVisitRepository, UserRepository } from '@eldercare/persistence';
import type { DataSource } from 'typeorm';

const PAIR_NAMES = ['黄敏', '徐志强', '何丽娟', '邓国平', '冯秀云', '曾凡', '彭晓东', '吕红'];

/** The risk level the demo gives an elder by category: 特困 living alone high, 特困 or disabled key, alone general. */
function riskLevelOf(categories: string[]): RiskLevel | null {
  const poor = categories.includes('extreme_poverty');
  if (poor && categories.includes('living_alone')) return 'high';
  if (poor || categories.includes('disabled')) return 'key';
  if (categories.includes('living_alone')) return 'general';
  return null;
}

/**
 * Seeds the demo's pairs once: every elder at risk gets a risk level and a named pair, paired two months ago, and
 * most have been visited since (by phone or at home, by the demo supervisor), so the supervisor's list shows the few
 * whose visit is overdue.
 */
export async function ensureDemoPairs(dataSource: DataSource): Promise<void> {
  const [{ count }]: { count: number }[] = await dataSource.query('SELECT count(*)::int AS count FROM elder_pairs');
  const staff = await new UserRepository(dataSource).findByUsername('supervisor');
  if (count > 0 || !staff) return;
  const visits = new RiskVisitRepository(dataSource);
  const elders: { id: string; categories: string[] }[] = await dataSource.query(
    'SELECT id, categories FROM elders ORDER BY created_at, id',
  );
  const now = Date.now();
  for (const [index, elder] of elders.entries()) {
    const riskLevel = riskLevelOf(elder.categories);
    if (!riskLevel) continue;
    await visits.setPair({
      elderId: elder.id,
      riskLevel,
      pairKind: PAIR_KINDS[index % PAIR_KINDS.length],
      pairName: PAIR_NAMES[index % PAIR_NAMES.length],
      pairPhone: `1357091${String(1000 + (index % 9000))}`,
      pairedBy: staff.id,
    });
    await dataSource.query(`UPDATE elder_pairs SET paired_at = now() - interval '60 days' WHERE elder_id = $1`, [
      elder.id,
    ]);
    if (index % 9 === 0) continue;
    const daysAgo = riskLevel === 'high' ? 1 + (index % 6) : 3 + (index % 25);
    await visits.inTransaction((manager) =>
      visits.insertVisit(manager, {
        elderId: elder.id,
        visitedAt: new Date(now - daysAgo * 86_400_000),
        mode: index % 3 === 0 ? 'phone' : 'home',
        visitorId: staff.id,
        findings: index % 3 === 0 ? '电话问候，老人身体尚可' : '上门探访，屋内整洁，药品充足',
        concerns: [],
      }),
    );
  }
}
