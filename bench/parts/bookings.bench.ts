/**
 * bookings: services booked through the api as families and operators book them. Bookings of free slots one at a
 * time (the baseline), 16 at once, and 32 at once for each of a few slots of 20 caregivers, where the exclusion
 * constraint turns away all but 20 and the api tries the next caregiver for the others. Every slot must end with at
 * most one booking per caregiver.
 */
import { addLocalDays, localDateOf, localDateTime } from '@eldercare/domain';
import { CarePlanRepository } from '@eldercare/persistence';
import { ApiClient, createTestUser, TEST_PASSWORD } from '@eldercare/testing';
import { BenchStack } from '../harness/bench-stack';
import { runPart } from '../harness/run-part';

const CAREGIVERS = 20;
const SEQUENTIAL = 120;
const CONCURRENT = 400;
const CONCURRENCY = 16;
const CONTENDED_SLOTS = 8;
const CONTENDERS = 32;

runPart('bookings', async (context) => {
  const { sheet } = context;
  const stack = await BenchStack.start(context);
  const { url } = await stack.startApi();
  const { elderIds, districtId } = await stack.createElders(1);
  const providerId = await new CarePlanRepository(stack.dataSource).insertProvider({ name: '康乐助浴' });
  for (let index = 0; index < CAREGIVERS; index++)
    await createTestUser(stack.dataSource, 'caregiver', { providerId, displayName: `护理员${index + 1}` });
  const admin = await createTestUser(stack.dataSource, 'provider_admin', { providerId });
  const operator = await createTestUser(stack.dataSource, 'operator', { regionIds: [districtId] });
  const providerAdmin = await ApiClient.signedIn(url, admin.username, TEST_PASSWORD);
  // One session: its requests run side by side as a console's would (sign-ins in a burst are throttled).
  const client = await ApiClient.signedIn(url, operator.username, TEST_PASSWORD);
  const { body: offer } = await providerAdmin.post<{ id: string }>('/api/offers', {
    service: 'bathing',
    minutes: 60,
    priceCents: 8000,
    capacity: 'caregivers',
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    opens: '00:00',
    closes: '24:00',
    cancelCutoffMinutes: 60,
    lateCancelShare: 0.5,
  });
  const today = localDateOf(Date.now());
  // Booking n of a phase: on the hour, a caregiver's worth of bookings per hour, days on from `firstDay`.
  const startOf = (firstDay: number, n: number) => {
    const hour = Math.floor(n / CAREGIVERS);
    const date = addLocalDays(today, firstDay + Math.floor(hour / 24));
    return new Date(localDateTime(date, `${String(hour % 24).padStart(2, '0')}:00`)).toISOString();
  };
  const book = (startsAt: string) =>
    client.post('/api/bookings', { offerId: offer.id, elderId: elderIds[0], startsAt });

  let started = performance.now();
  for (let n = 0; n < SEQUENTIAL; n++) {
    const answer = await book(startOf(2, n));
    if (answer.status !== 201) sheet.note(`a sequential booking answered ${answer.status}`);
  }
  const sequentialPerS = SEQUENTIAL / ((performance.now() - started) / 1000);

  let next = 0;
  let refused = 0;
  started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let n = next++; n < CONCURRENT; n = next++) if ((await book(startOf(5, n))).status !== 201) refused++;
    }),
  );
  const concurrentPerS = CONCURRENT / ((performance.now() - started) / 1000);
  if (refused > 0) sheet.note(`${refused} of ${CONCURRENT} concurrent bookings of free slots were refused`);

  let won = 0;
  started = performance.now();
  for (let slot = 0; slot < CONTENDED_SLOTS; slot++) {
    const startsAt = startOf(9, slot * CAREGIVERS);
    const answers = await Promise.all(Array.from({ length: CONTENDERS }, () => book(startsAt)));
    won += answers.filter((answer) => answer.status === 201).length;
  }
  const contendedPerS = (CONTENDED_SLOTS * CONTENDERS) / ((performance.now() - started) / 1000);

  const [{ doubled }] = await stack.dataSource.query(
    `SELECT count(*)::int AS doubled FROM bookings a JOIN bookings b ON a.caregiver_id = b.caregiver_id AND a.id < b.id
     AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at) WHERE a.status = 'booked' AND b.status = 'booked'`,
  );

  sheet.add('sequential_bookings_per_s', sequentialPerS, 'bookings/s');
  sheet.add(`concurrency_${CONCURRENCY}_bookings_per_s`, concurrentPerS, 'bookings/s', 'sequential_bookings_per_s');
  sheet.add(`contended_${CONTENDERS}_answers_per_s`, contendedPerS, 'requests/s', 'sequential_bookings_per_s');
  sheet.add('contended_won', won, `of ${CONTENDED_SLOTS * CONTENDERS}`);
  sheet.add('contended_expected', CONTENDED_SLOTS * CAREGIVERS, 'bookings');
  sheet.add('caregivers_double_booked', doubled, 'pairs');
});
