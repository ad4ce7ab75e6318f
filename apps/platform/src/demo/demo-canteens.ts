import { MealOrdersService, MealTerminalService, viewerOf, type Viewer } from '@eldercare/api';
import { addLocalDays, DEFAULT_MEAL_PERIODS, localDateOf, mealOrderTimes } from '@eldercare/domain';
import { hashSecret } from '@eldercare/secrets';
import { CanteenRepository, CarePlanRepository, UserRepository } from '@eldercare/persistence';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { createHash } from 'node:crypto';
import { DEMO_PASSWORD } from './demo-accounts';
import { DEMO_PROVIDERS } from './demo-home-care';
import { demoCanteenPlace } from './demo-map';

const MINUTE_MS = 60_000;

/** The two demo canteens, run by the meal provider (百花洲颐康助餐服务社) in the first two communities. */
const DEMO_CANTEENS = ['公园社区长者食堂', '百花洲社区长者食堂'];

/** The family account whose elder the demo's meals are ordered for. */
const DEMO_FAMILY = 'family';

/** The canteens' cashier: signs in as `cashier` and lands on the counter. */
const DEMO_CASHIER = { username: 'cashier', displayName: '何晓燕（食堂收银）' };

/** A stable draw in [0, 1) per elder, day and purpose, so a restart of the demo makes the same choices. */
function draw(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

/**
 * Seeds the demo's canteens once: two canteens of the meal provider, 15 yuan a set meal, and their cashier. Demo
 * canteens seeded before canteens had a position get theirs.
 */
export async function ensureDemoCanteens(dataSource: DataSource): Promise<void> {
  const canteens = new CanteenRepository(dataSource);
  const existing: { id: string; name: string; code: string }[] = await dataSource.query(
    `SELECT k.id, k.name, c.code FROM canteens k JOIN regions c ON c.id = k.community_id WHERE k.lat IS NULL`,
  );
  for (const canteen of existing.filter((row) => DEMO_CANTEENS.includes(row.name))) {
    const place = demoCanteenPlace(canteen.name, canteen.code);
    await dataSource.query(`UPDATE canteens SET address = $2, lat = $3, lon = $4 WHERE id = $1`, [
      canteen.id,
      place.address,
      place.lat,
      place.lon,
    ]);
  }
  if ((await canteens.canteens()).length > 0) return;
  const provider = (await new CarePlanRepository(dataSource).providers({ kind: 'all', withCaregivers: false })).find(
    (candidate) => candidate.name === DEMO_PROVIDERS[1].name,
  );
  if (!provider) return;
  const communities: { id: string; code: string }[] = await dataSource.query(
    `SELECT id, code FROM regions WHERE level = 'community' ORDER BY code LIMIT $1`,
    [DEMO_CANTEENS.length],
  );
  for (const [index, community] of communities.entries())
    await canteens.insertCanteen({
      name: DEMO_CANTEENS[index],
      providerId: provider.id,
      communityId: community.id,
      ...demoCanteenPlace(DEMO_CANTEENS[index], community.code),
      priceCents: 1500,
      periods: DEFAULT_MEAL_PERIODS,
    });
  const users = new UserRepository(dataSource);
  if (!(await users.findByUsername(DEMO_CASHIER.username)))
    await users.create({
      ...DEMO_CASHIER,
      passwordHash: await hashSecret(DEMO_PASSWORD),
      role: 'cashier',
      providerId: provider.id,
    });
}

/**
 * The demo's meal service: in each meal period the cashier serves, every minute, the next elders of each canteen's
 * community who come that day (about one in three, by a stable draw), by their QR card, through the same service the
 * counter uses; one in forty comes back for a second meal and is turned away from a second subsidy.
 */
export async function startDemoMealService(
  terminal: MealTerminalService,
  dataSource: DataSource,
  logger: Logger,
): Promise<{ stop: () => void }> {
  const cashier = await new UserRepository(dataSource).findByUsername(DEMO_CASHIER.username);
  if (!cashier) return { stop: () => undefined };
  const viewer: Viewer = viewerOf(cashier);
  const canteens = new CanteenRepository(dataSource);

  const step = async (now = Date.now()) => {
    for (const canteen of await canteens.canteens(cashier.providerId ?? undefined)) {
      const elders: { id: string; served: boolean }[] = await dataSource.query(
        `SELECT e.id, EXISTS (SELECT 1 FROM meal_transactions t WHERE t.elder_id = e.id AND t.served_at > now() - interval '3 hours') AS served
         FROM elders e WHERE e.community_id = $1 ORDER BY e.id`,
        [canteen.community.id],
      );
      // A fresh draw each hour: who comes to this meal.
      const hour = new Date(now).toISOString().slice(0, 13);
      const coming = elders.filter((elder) => !elder.served && draw(`${elder.id}/${hour}/comes`) < 1 / 3).slice(0, 2);
      for (const elder of coming)
        await terminal
          .serve(
            viewer,
            canteen.id,
            { elderId: elder.id, terminal: 'demo-pad', identifiedBy: 'qr', reason: '老人使用二维码卡' },
            now,
          )
          .catch((error: { code?: string; message: string }) => {
            if (error.code !== 'canteen-closed') logger.warn(`demo meal: ${error.message}`);
          });
      const again = elders.find((elder) => elder.served && draw(`${elder.id}/${hour}/again`) < 1 / 40);
      if (again)
        await terminal
          .serve(
            viewer,
            canteen.id,
            { elderId: again.id, terminal: 'demo-pad', identifiedBy: 'qr', reason: '老人使用二维码卡' },
            now,
          )
          .catch(() => undefined);
    }
  };

  const timer = setInterval(() => {
    step().catch((error: Error) => logger.warn(`demo meal service: ${error.message}`));
  }, MINUTE_MS);
  void step().catch((error: Error) => logger.warn(`demo meal service: ${error.message}`));
  logger.info('demo meal service: the canteens serve breakfast, lunch and dinner at the counter');
  return { stop: () => clearInterval(timer) };
}

/**
 * Seeds the demo's family meal orders once, through the service the family page uses: the family account orders its
 * elder's next meal still open for orders (from its community's canteen) delivered home, a work order of the meal
 * provider that the demo care day assigns and its caregivers check in and out of; and lunch the day after next,
 * collected at the canteen.
 */
export async function ensureDemoMealOrders(
  dataSource: DataSource,
  mealOrders: MealOrdersService,
  logger: Logger,
  now = Date.now(),
): Promise<void> {
  const ordered: unknown[] = await dataSource.query(
    `SELECT 1 FROM meal_transactions WHERE identified_by = 'order' LIMIT 1`,
  );
  const family = await new UserRepository(dataSource).findByUsername(DEMO_FAMILY);
  if (ordered.length > 0 || !family) return;
  const viewer = viewerOf(family);
  const elderId = viewer.scope.kind === 'elders' ? viewer.scope.elderIds[0] : undefined;
  if (!elderId) return;
  const [elder]: { community_id: string }[] = await dataSource.query('SELECT community_id FROM elders WHERE id = $1', [
    elderId,
  ]);
  const canteens = await new CanteenRepository(dataSource).canteens();
  const canteen = canteens.find((candidate) => candidate.community.id === elder?.community_id) ?? canteens[0];
  if (!canteen) return;
  const today = localDateOf(now);
  const next = [0, 1, 2]
    .flatMap((days) => canteen.periods.map((hours) => ({ date: addLocalDays(today, days), period: hours.period })))
    .find((meal) => mealOrderTimes(canteen.periods, meal.date, meal.period).cutoffAt > now);
  const wanted = [
    ...(next ? [{ ...next, delivery: true }] : []),
    { date: addLocalDays(today, 2), period: 'lunch' as const, delivery: false },
  ];
  for (const meal of wanted)
    await mealOrders
      .order(viewer, { elderId, canteenId: canteen.id, ...meal, fullPrice: true }, now)
      .catch((error: Error) => logger.warn(`demo meal order: ${error.message}`));
  logger.info(`demo meal orders: ${wanted.length} ordered by the family at ${canteen.name}`);
}
