import type { Provider } from '@nestjs/common';
import { Redis } from 'ioredis';
import { API_OPTIONS, type ApiOptions } from './api.options';

/** The api's own Redis connection: sign-in throttling and health. Queues and socket.io open their own. */
export const API_REDIS = Symbol('API_REDIS');

export const apiRedisProvider: Provider = {
  provide: API_REDIS,
  useFactory: (options: ApiOptions) => new Redis(options.redis.url, { maxRetriesPerRequest: 2, lazyConnect: true }),
  inject: [API_OPTIONS],
};
