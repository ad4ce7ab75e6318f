/** Where the platform's queues live: BullMQ's Redis (`url` as in REDIS_URL) and the prefix of their keys. */
export interface JobBusConnection {
  redis: { url: string };
  queuePrefix: string;
}
