import { viewerOf, WorkOrdersService, type Viewer } from '@eldercare/api';
import type { WorkOrderView } from '@eldercare/contracts';
import { BookingRepository, UserRepository } from '@eldercare/persistence';
import type { Logger } from 'pino';
import { createHash } from 'node:crypto';
import { DEMO_PROVIDERS } from './demo-home-care';

const MINUTE_MS = 60_000;
const NOTES = [
  '按时送达，老人状态良好',
  '协助洗漱、整理床铺',
  '测量血压 132/85，已提醒按时服药',
  '陪老人聊天，情绪稳定',
  '打扫厨房和卫生间',
];

/** A stable draw in [0, 1) per order and purpose, so a restart of the demo makes the same choices. */
function draw(orderId: string, purpose: string): number {
  return createHash('sha256').update(`${orderId}/${purpose}`).digest().readUInt32BE(0) / 2 ** 32;
}

/**
 * The demo's day of home care, through the same service the apps use: each provider admin assigns the next hours'
 * visits to their caregivers; caregivers accept, check in near the home at the visit's time (one in twenty-five
 * from down the street, flagged), and check out when the visit's minutes are up. One visit in twelve is forgotten,
 * so the sweep marks it missed and the dispatch centre gets its alert.
 */
export async function startDemoCareDay(
  orders: WorkOrdersService,
  users: UserRepository,
  bookings: BookingRepository,
  logger: Logger,
): Promise<{ stop: () => void }> {
  const viewerNamed = async (username: string): Promise<Viewer | undefined> => {
    const user = await users.findByUsername(username);
    return user && viewerOf(user);
  };
  const staff = await Promise.all(
    DEMO_PROVIDERS.map(async (provider) => ({
      admin: await viewerNamed(provider.admin[0]),
      caregivers: (await Promise.all(provider.caregivers.map(([username]) => viewerNamed(username)))).filter(
        (viewer): viewer is Viewer => viewer !== undefined,
      ),
    })),
  );

  const step = async (now = Date.now()) => {
    for (const { admin, caregivers } of staff) {
      if (!admin || caregivers.length === 0) continue;
      const upcoming = await orders.search(admin, {
        status: 'created',
        from: new Date(now - 10 * MINUTE_MS),
        to: new Date(now + 3 * 60 * MINUTE_MS),
        limit: 200,
      });
      for (const order of upcoming) {
        if (draw(order.id, 'forgotten') < 1 / 12) continue;
        const caregiver = caregivers[Math.floor(draw(order.id, 'caregiver') * caregivers.length)];
        await orders.assign(admin, order.id, caregiver.id);
      }
      for (const caregiver of caregivers) {
        const today = await orders.search(caregiver, {
          from: new Date(now - 12 * 60 * MINUTE_MS),
          to: new Date(now + 3 * 60 * MINUTE_MS),
          limit: 200,
        });
        for (const order of today) await performStep(orders, bookings, caregiver, order, now);
      }
    }
  };

  const timer = setInterval(() => {
    step().catch((error: Error) => logger.warn(`demo care day: ${error.message}`));
  }, MINUTE_MS);
  void step().catch((error: Error) => logger.warn(`demo care day: ${error.message}`));
  logger.info('demo care day: providers assign visits, caregivers check in and out');
  return { stop: () => clearInterval(timer) };
}

async function performStep(
  orders: WorkOrdersService,
  bookings: BookingRepository,
  caregiver: Viewer,
  order: WorkOrderView,
  now: number,
): Promise<void> {
  const startsAt = Date.parse(order.startsAt);
  const home = order.elder.home ?? { lat: 28.675, lon: 115.905 };
  const near = (purpose: string, far = false) => ({
    lat: home.lat + (far ? 0.011 : (draw(order.id, purpose) - 0.5) * 0.0006),
    lon: home.lon + (draw(order.id, `${purpose}-lon`) - 0.5) * 0.0006,
    accuracyM: 5 + Math.round(draw(order.id, `${purpose}-accuracy`) * 20),
  });
  if (order.status === 'assigned') await orders.accept(caregiver, order.id);
  else if (order.status === 'accepted' && now >= startsAt - 5 * MINUTE_MS) {
    // A booked visit starts with the code the elder holds: the elder tells it at the door.
    const visitCode = (await bookings.visitCodeOfWorkOrder(order.id)) ?? undefined;
    await orders.checkIn(caregiver, order.id, { ...near('in', draw(order.id, 'far') < 1 / 25), visitCode });
  } else if (order.status === 'checked-in' && now >= Date.parse(order.checkedInAt!) + order.minutes * MINUTE_MS) {
    await orders.checkOut(caregiver, order.id, {
      ...near('out'),
      note: NOTES[Math.floor(draw(order.id, 'note') * NOTES.length)],
      confirmedBy: 'elder',
    });
  }
}
