import { BookingsService, viewerOf } from '@eldercare/api';
import { addLocalDays, localDateOf, localDateTime, type ServiceOffer } from '@eldercare/domain';
import { BookingRepository, CarePlanRepository, UserRepository } from '@eldercare/persistence';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { DEMO_PROVIDERS } from './demo-home-care';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

/** What each demo provider offers for booking, by the provider's index in `DEMO_PROVIDERS`. */
const DEMO_OFFERS: [number, ServiceOffer][] = [
  [
    0,
    {
      service: 'bathing',
      minutes: 60,
      priceCents: 8000,
      capacity: 'caregivers',
      places: null,
      weekdays: EVERY_DAY,
      opens: '08:00',
      closes: '17:00',
      cancelCutoffMinutes: 120,
      lateCancelShare: 0.5,
    },
  ],
  [
    0,
    {
      service: 'cleaning',
      minutes: 120,
      priceCents: 6000,
      capacity: 'caregivers',
      places: null,
      weekdays: EVERY_DAY,
      opens: '08:00',
      closes: '18:00',
      cancelCutoffMinutes: 30,
      lateCancelShare: 0.3,
    },
  ],
  [
    2,
    {
      service: 'bathing',
      minutes: 30,
      priceCents: 3000,
      capacity: 'places',
      places: 2,
      weekdays: [1, 2, 3, 4, 5, 6],
      opens: '09:00',
      closes: '16:00',
      cancelCutoffMinutes: 60,
      lateCancelShare: 0.5,
    },
  ],
  [
    2,
    {
      service: 'medical-escort',
      minutes: 180,
      priceCents: 12000,
      capacity: 'caregivers',
      places: null,
      weekdays: [1, 2, 3, 4, 5],
      opens: '07:30',
      closes: '17:00',
      cancelCutoffMinutes: 240,
      lateCancelShare: 0.5,
    },
  ],
];

/**
 * Seeds the demo's bookings once: the providers' offers, and a few bookings made by the operator through the same
 * service the console uses (so each is a work order the demo's caregivers carry out): a bath tomorrow morning for
 * the family account's elder, and cleaning for elders living alone over the coming days.
 */
export async function ensureDemoBookings(
  dataSource: DataSource,
  bookingsService: BookingsService,
  logger: Logger,
): Promise<void> {
  const bookings = new BookingRepository(dataSource);
  if ((await bookings.activeOffers({})).length > 0) return;
  const providers = await new CarePlanRepository(dataSource).providers({ kind: 'all', withCaregivers: false });
  const providerOf = (index: number) => providers.find((provider) => provider.name === DEMO_PROVIDERS[index].name);
  const offerIds: string[] = [];
  for (const [index, offer] of DEMO_OFFERS) {
    const provider = providerOf(index);
    if (provider) offerIds.push(await bookings.insertOffer(provider.id, offer));
  }
  const operator = await new UserRepository(dataSource).findByUsername('operator');
  if (!operator || offerIds.length < 2) return;
  const viewer = viewerOf(operator);
  const [familyElder]: { elder_id: string }[] = await dataSource.query(
    `SELECT elder_id FROM devices WHERE id = 'btn-000004'`,
  );
  const alone: { id: string }[] = await dataSource.query(
    `SELECT id FROM elders WHERE 'living_alone' = ANY(categories) ORDER BY created_at, id LIMIT 6`,
  );
  const today = localDateOf(Date.now());
  const at = (days: number, time: string) => new Date(localDateTime(addLocalDays(today, days), time)).toISOString();
  const wanted = [
    ...(familyElder ? [{ offerId: offerIds[0], elderId: familyElder.elder_id, startsAt: at(1, '10:00') }] : []),
    ...alone.map((elder, index) => ({
      offerId: offerIds[1],
      elderId: elder.id,
      startsAt: at(1 + (index % 3), ['08:00', '10:00', '14:00'][index % 3]),
    })),
  ];
  for (const booking of wanted)
    await bookingsService.book(viewer, booking).catch((error: Error) => logger.warn(`demo booking: ${error.message}`));
  logger.info(`demo bookings: ${offerIds.length} offers, ${wanted.length} bookings`);
}
