import { MINUTE_MS } from './local-time';
import { SeededRandom } from './seeded-random';

/** A stretch of simulated time, epoch ms, end excluded. */
export interface TimeSpan {
  startMs: number;
  endMs: number;
}

/** A loop walk that starts and ends at home. */
export interface Walk extends TimeSpan {
  /** Radius of the loop; the farthest point is twice this from home. */
  radiusM: number;
  /** Compass direction of the loop's far side, degrees. */
  bearingDeg: number;
}

export type Meal = 'breakfast' | 'lunch' | 'dinner';

/**
 * One elder's day at home: when they get up, wash, eat, walk and go to bed. The water meter and the
 * watch of one household read the same routine, so their data agree (no water used while the watch
 * is out on a walk).
 */
export interface DailyRoutine {
  /** Local midnight that starts the day. */
  dayStartMs: number;
  wakeMs: number;
  bedMs: number;
  morningWash: TimeSpan;
  /** A shower on some evenings, a wash at the basin on the others. */
  eveningWash: TimeSpan & { shower: boolean };
  /** When the elder sits at the table. */
  meals: Readonly<Record<Meal, TimeSpan>>;
  walks: readonly Walk[];
  toiletVisitsMs: readonly number[];
  /** The watch goes on after the morning wash and comes off before the evening one. */
  watchOnMs: number;
  watchOffMs: number;
}

/**
 * The routine of the local day that starts at `dayStartMs`. Pure: the same seed and day give the
 * same routine, so a model can plan any day in any order. All water use falls between `wakeMs`
 * (06:00 to 07:00) and `bedMs` (21:15 to 22:00): nights are dry.
 */
export function planDailyRoutine(routineSeed: string, dayStartMs: number): DailyRoutine {
  const random = SeededRandom.from(routineSeed, 'routine', dayStartMs);
  const at = (minuteOfDay: number) => dayStartMs + Math.round(minuteOfDay * MINUTE_MS);
  const span = (startMinute: number, minutes: number): TimeSpan => ({
    startMs: at(startMinute),
    endMs: at(startMinute + minutes),
  });

  const wake = random.between(360, 420);
  const bed = random.between(1275, 1320);

  const washStart = wake + random.between(5, 15);
  const morningWash = span(washStart, random.between(5, 10));
  const breakfast = span(wake + random.between(35, 60), random.between(20, 30));
  const lunch = span(random.between(690, 735), random.between(30, 40));
  const dinner = span(random.between(1050, 1110), random.between(30, 40));

  const shower = random.chance(0.4);
  const eveningWashMinutes = shower ? random.between(12, 18) : random.between(6, 10);
  const eveningWashEnd = bed - random.between(5, 15);
  const eveningWash = { ...span(eveningWashEnd - eveningWashMinutes, eveningWashMinutes), shower };

  const walks: Walk[] = [];
  if (random.chance(0.6))
    walks.push({
      ...span(random.between(540, 585), random.between(20, 40)),
      radiusM: random.between(80, 250),
      bearingDeg: random.between(0, 360),
    });
  if (random.chance(0.6))
    walks.push({
      ...span(random.between(900, 960), random.between(20, 45)),
      radiusM: random.between(80, 250),
      bearingDeg: random.between(0, 360),
    });

  // The first visit comes right after waking; the others fall anywhere while the elder is at home.
  const toiletVisitsMs = [at(wake + random.between(1, 4))];
  const visits = random.int(4, 7);
  for (let i = 0; i < visits; i++) {
    const visitMs = at(random.between(wake + 30, bed - 10));
    // Not while out walking, nor just before leaving: the flush would run with nobody home.
    if (!walks.some((walk) => visitMs >= walk.startMs - 5 * MINUTE_MS && visitMs < walk.endMs))
      toiletVisitsMs.push(visitMs);
  }
  toiletVisitsMs.sort((a, b) => a - b);

  return {
    dayStartMs,
    wakeMs: at(wake),
    bedMs: at(bed),
    morningWash,
    eveningWash,
    meals: { breakfast, lunch, dinner },
    walks,
    toiletVisitsMs,
    watchOnMs: morningWash.endMs + Math.round(random.between(2, 8) * MINUTE_MS),
    watchOffMs: eveningWash.startMs - Math.round(random.between(1, 3) * MINUTE_MS),
  };
}
