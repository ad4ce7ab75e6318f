import {
  householdCap,
  nextAdaptationStage,
  pricePlan,
  stepDeadline,
  type AdaptationStage,
  type AdaptationStep,
} from '@eldercare/domain';
import { AdaptationCaseRepository, UserRepository } from '@eldercare/persistence';
import type { DataSource } from 'typeorm';

const STEPS: readonly AdaptationStep[] = ['assess', 'plan', 'agree', 'complete-works', 'accept', 'settle', 'follow-up'];
const PLAN = [
  { item: 'grab-bars', quantity: 2 },
  { item: 'shower-chair', quantity: 1 },
  { item: 'anti-slip-floor', quantity: 12 },
  { item: 'sensor-lights', quantity: 3 },
];

/**
 * Seeds the demo's home adaptation once: a subsidised case for each of the first elders with a capped category, one
 * at every stage from application to follow-up (the earliest applied long enough ago to be late), through the same
 * life cycle and plan pricing as the api, and a budget for the year.
 */
export async function ensureDemoAdaptation(dataSource: DataSource): Promise<void> {
  const [{ count }]: { count: number }[] = await dataSource.query(
    'SELECT count(*)::int AS count FROM adaptation_cases',
  );
  const staff = await new UserRepository(dataSource).findByUsername('supervisor');
  if (count > 0 || !staff) return;
  const cases = new AdaptationCaseRepository(dataSource);
  const caps = await cases.caps();
  const elders: { id: string; categories: string[] }[] = await dataSource.query(
    'SELECT id, categories FROM elders ORDER BY created_at, id',
  );
  const eligible = elders.filter((elder) => householdCap(elder.categories, caps) > 0).slice(0, STEPS.length + 1);
  const now = Date.now();
  await cases.setBudget(new Date(now).getUTCFullYear(), 500_000, staff.id);
  for (const [index, elder] of eligible.entries()) {
    const cap = householdCap(elder.categories, caps);
    const appliedAt = now - (5 + index * 9) * 86_400_000;
    const id = await cases.open({
      elderId: elder.id,
      subsidised: true,
      capYuan: cap,
      needs: '卫生间湿滑无扶手，夜间起夜照明不足',
      appliedBy: staff.id,
      deadline: new Date(stepDeadline('applied', appliedAt) ?? appliedAt),
    });
    if (!id) continue;
    await cases.inCaseTransaction(id, async (manager) => {
      let stage: AdaptationStage = 'applied';
      let at = appliedAt;
      for (const step of STEPS.slice(0, index)) {
        at += 7 * 86_400_000;
        stage = nextAdaptationStage(stage, step);
        if (step === 'plan') await cases.setPlan(manager, id, pricePlan(PLAN, cap));
        const deadline = stepDeadline(stage, at);
        await cases.moveTo(manager, id, {
          step,
          stage,
          by: staff.id,
          at: new Date(Math.min(at, now)),
          deadline: deadline === null ? null : new Date(deadline),
          note: '',
        });
      }
      await manager.query('UPDATE adaptation_cases SET applied_at = $2 WHERE id = $1', [id, new Date(appliedAt)]);
      if (index === 0)
        await manager.query('UPDATE adaptation_cases SET stage_entered_at = $2 WHERE id = $1', [
          id,
          new Date(now - 12 * 86_400_000),
        ]);
    });
  }
}
