import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { API_REDIS } from '../api-redis';

type Check = { status: 'up' } | { status: 'down'; error: string };

/** Asks each dependency a trivial question, with a deadline so a hung one reports down instead of hanging. */
@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(API_REDIS) private readonly redis: Redis,
  ) {}

  async check() {
    const [postgres, redis] = await Promise.all([probe(() => this.dataSource.query('SELECT 1')), probe(() => this.redis.ping())]);
    return { status: postgres.status === 'up' && redis.status === 'up' ? 'ok' : 'degraded', checks: { postgres, redis } };
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
