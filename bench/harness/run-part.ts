import { coreCount, FigureSheet, machineLoad, type PartMessage, type PartResult } from './figures';
import { partNamed } from './parts';

/** What a part's body gets: where its figures go, what to undo at the end, and how much time it has left. */
export interface PartContext {
  sheet: FigureSheet;
  /** Registers an undo step; they run last-first when the part ends, fails or is stopped. */
  onCleanup(step: () => Promise<unknown>): void;
  /** Milliseconds left before the part's time limit. */
  remainingMs(): number;
}

/** Spare time for the clean-up steps after the part's own limit, before the process gives up on them. */
const CLEANUP_GRACE_MS = 30_000;

/**
 * Runs one benchmark part as its own process: prints its figures, sends them to `npm run bench` (when started by
 * it), and undoes what it started (brokers, processes, databases, queues) whether it finished, failed or was
 * stopped with SIGTERM or SIGINT. The part ends by itself once its time limit (bench/harness/parts.ts) has passed.
 */
export function runPart(part: string, body: (context: PartContext) => Promise<void>): void {
  const timeLimitMs = partNamed(part)?.timeLimitMs;
  if (timeLimitMs === undefined) throw new Error(`${part} is not in bench/harness/parts.ts`);
  const started = Date.now();
  const loadBefore = machineLoad();
  const sheet = new FigureSheet();
  const steps: (() => Promise<unknown>)[] = [];
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const step of steps.reverse())
        await step().catch((error: Error) => console.error(`clean-up: ${error.message}`));
    })());
  const abort = (why: string) => {
    console.error(`${part}: ${why}, cleaning up`);
    setTimeout(() => process.exit(1), CLEANUP_GRACE_MS).unref();
    void cleanup().then(() => process.exit(1));
  };
  process.once('SIGTERM', () => abort('stopped'));
  process.once('SIGINT', () => abort('interrupted'));
  setTimeout(() => abort(`time limit of ${timeLimitMs / 1000} s exceeded`), timeLimitMs).unref();

  console.log(
    `\n== ${part} (at most ${Math.round(timeLimitMs / 1000)} s; load average ${loadBefore} on ${coreCount()} cores)`,
  );
  const context: PartContext = {
    sheet,
    onCleanup: (step) => steps.push(step),
    remainingMs: () => started + timeLimitMs - Date.now(),
  };
  body(context)
    .then(async () => {
      await cleanup();
      const result: PartResult = {
        part,
        measuredAt: new Date(started).toISOString(),
        seconds: Math.round((Date.now() - started) / 1000),
        machine: { cores: coreCount(), loadBefore, loadAfter: machineLoad() },
        figures: sheet.figures,
        notes: sheet.notes,
      };
      const message: PartMessage = { kind: 'part-result', result };
      if (process.send) process.send(message, () => process.exit(0));
      else process.exit(0);
    })
    .catch(async (error: unknown) => {
      console.error(error);
      await cleanup();
      process.exit(1);
    });
}
