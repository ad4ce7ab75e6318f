import { checkBookingStart, firstBookableStart, freeSlots, type TakenTime } from './booking-slots';
import { checkOffer, type ServiceOffer } from './service-offer';

const at = (local: string) => Date.parse(`${local}+08:00`);
const bath: ServiceOffer = {
  service: 'bathing',
  minutes: 60,
  priceCents: 8000,
  capacity: 'caregivers',
  places: null,
  weekdays: [1, 2, 3, 4, 5],
  opens: '08:00',
  closes: '12:00',
  cancelCutoffMinutes: 60,
  lateCancelShare: 0.5,
};
// Monday 2026-11-23; the evening before.
const sundayEvening = at('2026-11-22T20:00:00');
const startsOf = (slots: { startsAt: number }[]) =>
  slots.map((slot) => new Date(slot.startsAt + 8 * 3_600_000).toISOString().slice(11, 16));

describe('booking slots', () => {
  it('offers every half hour of the working time that fits a whole booking', () => {
    const sut = freeSlots(bath, '2026-11-23', ['刘芳'], [], sundayEvening);
    expect(startsOf(sut)).toEqual(['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00']);
  });

  it('takes out what one caregiver has booked, and keeps a slot while another caregiver is free', () => {
    const taken: TakenTime[] = [
      { resource: '刘芳', startsAt: at('2026-11-23T09:00:00'), endsAt: at('2026-11-23T10:00:00') },
    ];
    expect(startsOf(freeSlots(bath, '2026-11-23', ['刘芳'], taken, sundayEvening))).toEqual([
      '08:00',
      '10:00',
      '10:30',
      '11:00',
    ]);
    const twoCaregivers = freeSlots(bath, '2026-11-23', ['刘芳', '李娟'], taken, sundayEvening);
    expect(twoCaregivers).toHaveLength(7);
    expect(twoCaregivers.find((slot) => slot.startsAt === at('2026-11-23T09:30:00'))!.free).toEqual(['李娟']);
  });

  it('counts places like caregivers: a bath room with two places is full after two bookings', () => {
    const taken: TakenTime[] = ['1', '2'].map((resource) => ({
      resource,
      startsAt: at('2026-11-23T08:00:00'),
      endsAt: at('2026-11-23T09:00:00'),
    }));
    expect(startsOf(freeSlots(bath, '2026-11-23', ['1', '2'], taken, sundayEvening))[0]).toBe('09:00');
  });

  it('starts today at the next half hour, and offers nothing on a day off', () => {
    expect(startsOf(freeSlots(bath, '2026-11-23', ['刘芳'], [], at('2026-11-23T09:10:00')))).toEqual([
      '09:30',
      '10:00',
      '10:30',
      '11:00',
    ]);
    expect(firstBookableStart(at('2026-11-23T09:30:00'))).toBe(at('2026-11-23T10:00:00'));
    expect(freeSlots(bath, '2026-11-28', ['刘芳'], [], sundayEvening)).toEqual([]);
  });

  it.each([
    ['a start off the half hour', '2026-11-23T09:15:00', 'half hour'],
    ['a start in the past', '2026-11-20T09:00:00', 'next half hour'],
    ['a Saturday', '2026-11-28T09:00:00', 'on that day'],
    ['a start before opening', '2026-11-23T07:30:00', '08:00–12:00'],
    ['a bath running past closing', '2026-11-23T11:30:00', '08:00–12:00'],
  ])('refuses %s', (_case, local, message) => {
    expect(() => checkBookingStart(bath, at(local), sundayEvening)).toThrow(
      expect.objectContaining({ code: 'booking-time-invalid', message: expect.stringContaining(message) }),
    );
  });

  it('takes the last bath that ends at closing', () => {
    expect(() => checkBookingStart(bath, at('2026-11-23T11:00:00'), sundayEvening)).not.toThrow();
  });
});

describe('service offers', () => {
  it.each<[string, Partial<ServiceOffer>, string]>([
    ['a 45-minute booking', { minutes: 45 }, 'half hours'],
    ['a price in fractions of a fen', { priceCents: 10.5 }, 'whole fen'],
    ['places without a number', { capacity: 'places', places: null }, 'at least one place'],
    ['a time off the half hour', { opens: '08:15' }, 'half hour'],
    ['a day too short for one booking', { opens: '11:30' }, 'shorter'],
    ['a late share over all of the price', { lateCancelShare: 1.5 }, '0 to 1'],
    ['weekday 0', { weekdays: [0] }, 'weekdays'],
  ])('refuses %s', (_case, change, message) => {
    expect(() => checkOffer({ ...bath, ...change })).toThrow(
      expect.objectContaining({ code: 'offer-invalid', message: expect.stringContaining(message) }),
    );
  });

  it('takes a bath room of two places', () => {
    expect(() => checkOffer({ ...bath, capacity: 'places', places: 2 })).not.toThrow();
  });
});
