import type { BookingView, OfferView } from '@eldercare/contracts';
import { addLocalDays, localDateOf, localDateTime, localMonthBounds, localMonthOf } from '@eldercare/domain';
import { CarePlanRepository } from '@eldercare/persistence';
import { ApiClient, createTestElderInPlace, createTestUser, TEST_PASSWORD, type TestElder } from '@eldercare/testing';
import { randomBytes } from 'node:crypto';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';

const ALWAYS = { weekdays: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '24:00' };
/** Bookings sent at once: as many as the bath room has places, so that every one is stored. */
const AT_ONCE = 40;

describe('booking against the entitlement: the last entitled unit covers one booking however many arrive at once', () => {
  let harness: PlatformUnderTest;
  let elder: TestElder;
  let family: ApiClient;
  let operator: ApiClient;
  let bathRoom: OfferView;

  const signIn = (user: { username: string }) => ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD);

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
    elder = await createTestElderInPlace(harness.dataSource);
    // 失能: eight baths a month from the city.
    await harness.dataSource.query(`UPDATE elders SET categories = '{disabled}' WHERE id = $1`, [elder.elderId]);
    const providerId = await new CarePlanRepository(harness.dataSource).insertProvider({
      name: `康乐助浴-${randomBytes(3).toString('hex')}`,
    });
    [family, operator] = await Promise.all([
      signIn(await createTestUser(harness.dataSource, 'family', { elderIds: [elder.elderId] })),
      signIn(await createTestUser(harness.dataSource, 'operator', { regionIds: [elder.districtId] })),
    ]);
    const providerAdmin = await signIn(await createTestUser(harness.dataSource, 'provider_admin', { providerId }));
    bathRoom = (
      await providerAdmin.post<OfferView>('/api/offers', {
        service: 'bathing',
        minutes: 30,
        priceCents: 3000,
        capacity: 'places',
        places: AT_ONCE,
        cancelCutoffMinutes: 60,
        lateCancelShare: 0.5,
        ...ALWAYS,
      })
    ).body;
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it(`covers exactly one of ${AT_ONCE} bookings sent at once when one bath of the month is left`, async () => {
    const startsAt = new Date(localDateTime(addLocalDays(localDateOf(Date.now()), 3), '10:00')).toISOString();
    // Seven of the month's eight baths planned already.
    const { start } = localMonthBounds(localMonthOf(Date.parse(startsAt)));
    await harness.dataSource.query(
      `INSERT INTO work_orders (elder_id, provider_id, service, starts_at, minutes, quantity)
       SELECT $1, $2, 'bathing', $3::timestamptz + n * interval '1 hour', 60, 1 FROM generate_series(1, 7) AS n`,
      [elder.elderId, bathRoom.provider.id, new Date(start)],
    );

    const sentAt = performance.now();
    const answers = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, index) =>
        (index % 2 ? family : operator).post<BookingView>('/api/bookings', {
          offerId: bathRoom.id,
          elderId: elder.elderId,
          startsAt,
        }),
      ),
    );
    const seconds = (performance.now() - sentAt) / 1000;
    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: AT_ONCE }, () => 201));
    const paidBy = answers.map((answer) => answer.body.paidBy);
    expect(paidBy.filter((payer) => payer === 'entitlement')).toHaveLength(1);
    expect(paidBy.filter((payer) => payer === 'self')).toHaveLength(AT_ONCE - 1);
    const stored: { paid_by: string; count: number }[] = await harness.dataSource.query(
      `SELECT paid_by, count(*)::int AS count FROM bookings WHERE elder_id = $1 GROUP BY paid_by ORDER BY paid_by`,
      [elder.elderId],
    );
    expect(stored).toEqual([
      { paid_by: 'entitlement', count: 1 },
      { paid_by: 'self', count: AT_ONCE - 1 },
    ]);
    // The figure for the record: bookings stored per second with all of them arriving at once.
    process.stdout.write(
      `${AT_ONCE} concurrent bookings in ${seconds.toFixed(2)} s: ${(AT_ONCE / seconds).toFixed(1)}/s\n`,
    );
  });
});
