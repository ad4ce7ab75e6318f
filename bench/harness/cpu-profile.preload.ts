/**
 * Loaded into the gateway and the worker a bench starts when `BENCH_CPU_PROFILE` names a folder (see
 * `cpuProfileEnv`): samples the process's CPU for a window of the run and writes `<app>-<pid>.cpuprofile` there. A
 * window rather than `--cpu-prof`, which writes only at a clean exit, and benches end their processes with SIGKILL.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const folder = process.env.BENCH_CPU_PROFILE;
const app = /apps\/(\w+)\/src\/main\.ts/.exec(process.argv.join(' '))?.[1];
const fromMs = Number(process.env.BENCH_CPU_PROFILE_FROM_S ?? 20) * 1000;
const forMs = Number(process.env.BENCH_CPU_PROFILE_FOR_S ?? 20) * 1000;

if (folder && app) {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  setTimeout(async () => {
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 500 });
    await post('Profiler.start');
    setTimeout(async () => {
      const { profile } = (await post('Profiler.stop')) as { profile: object };
      writeFileSync(join(folder, `${app}-${process.pid}.cpuprofile`), JSON.stringify(profile));
    }, forMs).unref();
  }, fromMs).unref();
}
