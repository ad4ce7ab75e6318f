import { checkCareBedOpening, householdCap, localDateOf, stepDeadline, type CareNeedLevel } from '@eldercare/domain';
import { AdaptationCaseRepository, CareBedRepository, UserRepository } from '@eldercare/persistence';
import type { DataSource } from 'typeorm';

const DAY_MS = 86_400_000;

/**
 * Seeds the demo's care beds once: every elder with a bed-sensor mat gets a care bed, assessed three weeks ago and
 * started a week after, with a home adaptation case (applied for, if the elder had none) and the elder's care plan
 * as its monthly package. Opened through the same checks as the api.
 */
export async function ensureDemoCareBeds(dataSource: DataSource, now = Date.now()): Promise<void> {
  const staff = await new UserRepository(dataSource).findByUsername('supervisor');
  if (!staff) return;
  const careBeds = new CareBedRepository(dataSource);
  const cases = new AdaptationCaseRepository(dataSource);
  const elders: { id: string; categories: string[] }[] = await dataSource.query(
    `SELECT e.id, e.categories FROM elders e
     WHERE EXISTS (SELECT 1 FROM devices d WHERE d.elder_id = e.id AND d.type = 'bed_mat' AND d.status = 'active')
       AND NOT EXISTS (SELECT 1 FROM care_beds b WHERE b.elder_id = e.id)
     ORDER BY e.created_at, e.id`,
  );
  if (elders.length === 0) return;
  const caps = await cases.caps();
  for (const elder of elders) {
    const adaptationCaseId = await adaptationCaseOf(dataSource, cases, elder, caps, staff.id, now);
    const careLevel: CareNeedLevel = elder.categories.includes('disabled') ? 'severe' : 'moderate';
    const opening = {
      careLevel,
      assessedOn: localDateOf(now - 21 * DAY_MS),
      adaptationCaseId,
      startsOn: localDateOf(now - 14 * DAY_MS),
    };
    const facts = await careBeds.factsOf(elder.id, adaptationCaseId);
    checkCareBedOpening(opening, {
      today: localDateOf(now),
      alreadyOpen: false,
      deviceTypes: facts.deviceTypes,
      adaptationCaseIsTheElders: facts.caseIsTheElders,
    });
    await careBeds.open({ ...opening, elderId: elder.id, openedBy: staff.id });
  }
}

/** The elder's open adaptation case, or a new one applied for to fit the home around the bed. */
async function adaptationCaseOf(
  dataSource: DataSource,
  cases: AdaptationCaseRepository,
  elder: { id: string; categories: string[] },
  caps: Record<string, number>,
  staffId: string,
  now: number,
): Promise<string | null> {
  const [existing]: { id: string }[] = await dataSource.query(
    `SELECT id FROM adaptation_cases WHERE elder_id = $1 AND stage <> 'cancelled' ORDER BY applied_at LIMIT 1`,
    [elder.id],
  );
  if (existing) return existing.id;
  const cap = householdCap(elder.categories, caps);
  const id = await cases.open({
    elderId: elder.id,
    subsidised: cap > 0,
    capYuan: cap,
    needs: '护理床旁加装扶手与床头呼叫，卧室至卫生间夜灯',
    appliedBy: staffId,
    deadline: new Date(stepDeadline('applied', now) ?? now),
  });
  return id ?? null;
}
