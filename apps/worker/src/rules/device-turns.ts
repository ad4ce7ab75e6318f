import { Injectable } from '@nestjs/common';

/**
 * Runs the work of one device one piece after the other, in the order it came, and the work of different devices
 * freely. Jobs of one device then wait for each other here rather than on its row lock, each holding a database
 * connection, and a job finds its event applied by the pass before it without asking the database.
 */
@Injectable()
export class DeviceTurns {
  private readonly last = new Map<string, Promise<unknown>>();

  take<T>(deviceId: string, work: () => Promise<T>): Promise<T> {
    // The chain never rejects: a failed piece of work fails its own job, not the ones after it.
    const turn = (this.last.get(deviceId) ?? Promise.resolve()).then(work);
    const done = turn.catch(() => undefined);
    this.last.set(deviceId, done);
    void done.then(() => {
      if (this.last.get(deviceId) === done) this.last.delete(deviceId);
    });
    return turn;
  }
}
