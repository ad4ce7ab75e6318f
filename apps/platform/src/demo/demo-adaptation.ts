import {
  householdCap,
  nextAdaptationStage,
  pricePlan,
  stepDeadline,
  type AdaptationStage,
  type AdaptationStep,
} from '@eldercare/domain';
import { hashSecret } from '@eldercare/secrets';
import { AdaptationCaseRepository, CarePlanRepository, UserRepository, type UserRecord } from '@eldercare/persistence';
import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from './demo-accounts';

const STEPS: readonly AdaptationStep[] = ['assess', 'plan', 'agree', 'complete-works', 'accept', 'settle', 'follow-up'];
const PLAN = [
  { item: 'grab-bars', quantity: 2 },
  { item: 'shower-chair', quantity: 1 },
  { item: 'anti-slip-floor', quantity: 12 },
  { item: 'sensor-lights', quantity: 3 },
];

/** The company that builds the demo's plans, and its contractor, who signs in as `contractor`. */
const DEMO_CONTRACTOR = {
  company: '洪城适老化改造工程有限公司',
  username: 'contractor',
  displayName: '熊建军（改造施工）',
};

/** Who takes each step in the demo: the actor the api asks for (the family's agreement recorded by staff). */
function demoActorOf(
  step: AdaptationStep,
  people: { staff: UserRecord; contractor: UserRecord; inspector: UserRecord; bureau: UserRecord },
): UserRecord {
  if (step === 'complete-works') return people.contractor;
  if (step === 'accept' || step === 'refuse') return people.inspector;
  if (step === 'settle') return people.bureau;
  return people.staff;
}

/**
 * The demo's contractor company and its contractor, made once; the demo's plans made before contractors existed are
 * given to it.
 */
async function ensureDemoContractor(dataSource: DataSource): Promise<{ companyId: string; user: UserRecord }> {
  const [found]: { id: string }[] = await dataSource.query('SELECT id FROM providers WHERE name = $1', [
    DEMO_CONTRACTOR.company,
  ]);
  const companyId =
    found?.id ??
    (await new CarePlanRepository(dataSource).insertProvider({ name: DEMO_CONTRACTOR.company, phone: '079186661234' }));
  const users = new UserRepository(dataSource);
  const user =
    (await users.findByUsername(DEMO_CONTRACTOR.username)) ??
    (await users.create({
      username: DEMO_CONTRACTOR.username,
      displayName: DEMO_CONTRACTOR.displayName,
      passwordHash: await hashSecret(DEMO_PASSWORD),
      role: 'contractor',
      providerId: companyId,
    }));
  await dataSource.query(
    'UPDATE adaptation_cases SET contractor_id = $1 WHERE plan IS NOT NULL AND contractor_id IS NULL',
    [companyId],
  );
  return { companyId, user };
}

/**
 * Seeds the demo's home adaptation once: a subsidised case for each of the first elders with a capped category, one
 * at every stage from application to follow-up (the earliest applied long enough ago to be late), through the same
 * life cycle and plan pricing as the api, each step by its own actor (the works by the demo's contractor, the
 * acceptance by its inspector, the settlement by the bureau), and a budget for the year. One more case had its works
 * refused by the inspector once and waits for the contractor again.
 */
export async function ensureDemoAdaptation(dataSource: DataSource): Promise<void> {
  const { companyId, user: contractor } = await ensureDemoContractor(dataSource);
  const [{ count }]: { count: number }[] = await dataSource.query(
    'SELECT count(*)::int AS count FROM adaptation_cases',
  );
  const users = new UserRepository(dataSource);
  const [staff, inspector, bureau] = await Promise.all(
    ['supervisor', 'inspector', 'bureau'].map((username) => users.findByUsername(username)),
  );
  if (count > 0 || !staff || !inspector || !bureau) return;
  const people = { staff, contractor, inspector, bureau };
  const cases = new AdaptationCaseRepository(dataSource);
  const caps = await cases.caps();
  const elders: { id: string; categories: string[] }[] = await dataSource.query(
    'SELECT id, categories FROM elders ORDER BY created_at, id',
  );
  const lives: (readonly AdaptationStep[])[] = [
    ...STEPS.map((_, index) => STEPS.slice(0, index)),
    STEPS,
    ['assess', 'plan', 'agree', 'complete-works', 'refuse'],
  ];
  const eligible = elders.filter((elder) => householdCap(elder.categories, caps) > 0).slice(0, lives.length);
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
      for (const step of lives[index]) {
        at += 7 * 86_400_000;
        stage = nextAdaptationStage(stage, step);
        if (step === 'plan') await cases.setPlan(manager, id, pricePlan(PLAN, cap), companyId);
        const deadline = stepDeadline(stage, at);
        await cases.moveTo(manager, id, {
          step,
          stage,
          by: demoActorOf(step, people).id,
          at: new Date(Math.min(at, now)),
          deadline: deadline === null ? null : new Date(deadline),
          note: step === 'refuse' ? '扶手安装高度与方案不符，需返工' : '',
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
