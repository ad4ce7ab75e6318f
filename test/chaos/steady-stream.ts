import type { SimulatedDevice } from '@eldercare/devices';

/**
 * Water meters each sending a reading every `intervalMs`, QoS 1, for as long as it runs: the platform's everyday
 * traffic, around which the presses and the faults happen. A reading sent while the broker is away waits in its
 * client and goes out on reconnect, as firmware keeps its readings.
 */
export class SteadyStream {
  private readonly timers: NodeJS.Timeout[] = [];
  private liters = 1_000;
  sent = 0;
  acknowledged = 0;

  constructor(
    private readonly meters: SimulatedDevice[],
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.meters.forEach((meter, index) => {
      // Spread over the interval, so the stream is steady rather than a burst per tick.
      const offset = Math.floor((index * this.intervalMs) / this.meters.length);
      const first = setTimeout(() => {
        this.send(meter);
        this.timers.push(setInterval(() => this.send(meter), this.intervalMs));
      }, offset);
      this.timers.push(first);
    });
  }

  stop(): void {
    this.timers.splice(0).forEach((timer) => clearInterval(timer));
  }

  private send(meter: SimulatedDevice): void {
    this.sent++;
    meter.send({ kind: 'water', totalLiters: this.liters++, flowLpm: 0 }).then(
      () => this.acknowledged++,
      () => undefined,
    );
  }
}
