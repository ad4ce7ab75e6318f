import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { API_OPTIONS, type ApiOptions } from '../api.options';

type Check = { status: 'up' } | { status: 'down'; error: string };

/** Asks each dependency a trivial question, with a deadline so a hung one reports down instead of hanging. */
@Injectable()
export class HealthService implements OnApplicationShutdown {
  private readonly redis: Redis;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(API_OPTIONS) options: ApiOptions,
  ) {
    this.redis = new Redis(options.redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  }

  async check() {
    const [postgres, redis] = await Promise.all([probe(() => this.dataSource.query('SELECT 1')), probe(() => this.redis.ping())]);
    return { status: postgres.status === 'up' && redis.status === 'up' ? 'ok' : 'degraded', checks: { postgres, redis } };
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}

async function probe(question: () => Promise<unknown>, timeoutMs = 2000): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([question(), deadline]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
