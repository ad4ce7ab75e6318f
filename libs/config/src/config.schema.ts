import { hostname } from 'node:os';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();
const url = (protocols: string[]) =>
  z.url({ protocol: new RegExp(`^(${protocols.join('|')})$`), error: `must be a ${protocols.join(' or ')} URL` });
/** A comma-separated list of origins (`https://console.example.org`), empty by default. */
const originList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .refine(
    (origins) => origins.every((origin) => /^https?:\/\/[^/\s]+$/.test(origin)),
    'must be origins separated by commas, like https://console.example.org',
  );
const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** What an S3 photo storage cannot start without. */
const PHOTO_S3_REQUIRED = [
  'PHOTO_S3_BUCKET',
  'PHOTO_S3_REGION',
  'PHOTO_S3_ACCESS_KEY_ID',
  'PHOTO_S3_SECRET_ACCESS_KEY',
] as const;

/**
 * Every environment variable the platform reads, checked once at start-up.
 * Optional URLs mean "use the embedded default" in the all-in-one process (see README).
 */
export const environmentSchema = z
  .object({
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATA_DIR: z.string().min(1).default('.data'),
    /** Where home adaptation photos are kept: `local` (PHOTO_DIR) or `s3`, an S3-compatible store (PHOTO_S3_*). */
    PHOTO_STORAGE: z.enum(['local', 's3']).default('local'),
    /** The folder of the local photo storage; DATA_DIR/photos when unset. */
    PHOTO_DIR: z.string().min(1).optional(),
    /** The S3-compatible store's URL (MinIO, Ceph, a cloud's object storage); unset: AWS S3 of PHOTO_S3_REGION. */
    PHOTO_S3_ENDPOINT: url(['http', 'https']).optional(),
    PHOTO_S3_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name: 3-63 of a-z 0-9 . - ')
      .optional(),
    PHOTO_S3_REGION: z.string().min(1).optional(),
    PHOTO_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    PHOTO_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Bucket in the path (`endpoint/bucket/key`) instead of the host name: most self-hosted stores need it. */
    PHOTO_S3_FORCE_PATH_STYLE: flag.default(false),

    DATABASE_URL: url(['postgres', 'postgresql']).optional(),
    EMBEDDED_POSTGRES_PORT: port.default(5488),
    /** Unset: 127.0.0.1:6379, or in the all-in-one process a redis-server it starts itself. */
    REDIS_URL: url(['redis', 'rediss']).optional(),

    MQTT_URL: url(['mqtt', 'mqtts', 'tcp']).optional(),
    /** Port of the in-process broker when MQTT_URL is unset; unset: 1883, or the next free port when 1883 is taken. */
    MQTT_PORT: port.optional(),
    /** The platform's own broker account (subscribes to uplinks, publishes downlinks). */
    MQTT_USERNAME: z.string().min(1).default('eldercare-gateway'),
    MQTT_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    /** Mosquitto dynamic-security admin, used to provision and revoke device accounts. */
    MQTT_ADMIN_USERNAME: z.string().min(1).optional(),
    MQTT_ADMIN_PASSWORD: z.string().min(1).optional(),

    /** Off for a broker without shared subscriptions (aedes): then run exactly one gateway with one connection. */
    MQTT_SHARED_SUBSCRIPTION: flag.default(true),

    /** Fixed per gateway instance: the broker keeps its persistent sessions under this id. */
    GATEWAY_ID: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1-40 of A-Z a-z 0-9 _ -')
      .default(
        hostname()
          .replace(/[^A-Za-z0-9_-]/g, '-')
          .slice(0, 40),
      ),
    /**
     * Broker connections per gateway. Each holds one unacknowledged message at a time (the PUBACK waits for the
     * commit), so this is also the largest batch: throughput is about connections / commit time. The gateway spends
     * most of a batch waiting on Postgres and Redis, not computing, so on a busy machine, where every round trip is
     * slow, more messages in flight is what raises the rate.
     */
    GATEWAY_CONNECTIONS: positiveInt.max(512).default(256),
    /**
     * Broker connections per gateway that take only the `alarm` topic, so that the broker queues alarms apart from
     * readings (one when MQTT_SHARED_SUBSCRIPTION is off).
     */
    GATEWAY_ALARM_CONNECTIONS: positiveInt.max(64).default(4),
    GATEWAY_BATCH_WINDOW_MS: z.coerce.number().int().min(0).max(1000).default(5),
    /**
     * Messages a minute one device may send on average before the excess is refused as `rate-limited` (0: no limit),
     * and how many at once (a device sending what it buffered while offline). sos, fall and cancel are never limited.
     * A watch reporting every 10 s (the shortest interval a `config` downlink sets) sends about 13 a minute.
     */
    GATEWAY_DEVICE_MESSAGES_PER_MIN: z.coerce.number().int().min(0).max(100_000).default(60),
    GATEWAY_DEVICE_BURST: positiveInt.max(100_000).default(600),
    /**
     * How long readings wait before the rules take them, so that a device's messages that reached the gateway over
     * different connections out of order are applied in device time. Alarms (sos, fall, cancel) never wait.
     */
    RULES_REORDER_WINDOW_MS: z.coerce.number().int().min(0).max(60_000).default(1000),

    /** Redis key prefix of every queue: lets several deployments or test runs share one Redis. */
    QUEUE_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1-40 of A-Z a-z 0-9 _ -')
      .default('eldercare'),

    /** Jobs processed at once by each worker process. */
    WORKER_CONCURRENCY: positiveInt.max(256).default(16),
    /** Alarms (sos, fall, cancel) taken at once by each worker process, on slots readings never use. */
    WORKER_ALARM_CONCURRENCY: positiveInt.max(64).default(4),
    /**
     * Where a worker takes alarms: `thread`, a thread of its own with its own event loop and database connections,
     * which readings keeping the worker busy never hold back; or `inline`, beside readings.
     */
    WORKER_ALARM_LANE: z.enum(['thread', 'inline']).default('thread'),
    /**
     * How long a worker's hold on a job lasts without renewal: a job of a worker that died goes back to the queue
     * after about this long.
     */
    WORKER_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
    /** Hours after its start by which a time-bank request nobody came for is closed and its coins released. */
    TIME_BANK_ABANDON_AFTER_HOURS: positiveInt.max(24 * 90).default(48),

    HTTP_PORT: port.default(3000),
    /** The first administrator, created by the api when no user exists yet; sign in and create the others. */
    ADMIN_USERNAME: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_.-]{1,63}$/, 'must be 2-64 of a-z 0-9 _ . - starting with a letter or digit')
      .default('admin'),
    ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    /** How long a console session lasts after signing in: one shift. */
    SESSION_TTL_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(12),
    /** `production` makes the session cookie Secure unless SESSION_COOKIE_SECURE says otherwise. */
    NODE_ENV: z.string().optional(),
    /** Send the session cookie only over HTTPS. Unset: on in production (NODE_ENV), off elsewhere. */
    SESSION_COOKIE_SECURE: flag.optional(),
    /**
     * Origins besides the api's own whose pages may write to it and open its live socket (comma-separated): a console
     * served from elsewhere, or the public origin when a reverse proxy does not pass the Host header through.
     */
    CONSOLE_ORIGINS: originList.default([]),
    /** The built console (React); served by the api. */
    CONSOLE_DIR: z.string().min(1).default('dist/console'),
    /** Answer-time targets of the alarm centre: amber past the first, red past the second. */
    ANSWER_TARGET_SEC: positiveInt.default(60),
    ANSWER_WORST_SEC: positiveInt.default(180),
    /**
     * The largest distance between two face descriptors the canteen terminal takes for the same elder. 0.4 measured 0
     * false accepts of 46 impostor attempts and 3 false rejects of 46 described faces (bench part face-match).
     */
    FACE_MATCH_MAX_DISTANCE: z.coerce.number().min(0.1).max(1).default(0.4),
    /**
     * The least change of shape of the face between the terminal's frames (its landmarks after the best move, turn and
     * scaling, in units of the face's size) for the check to record it as `moved`; a still picture changes by 0. The
     * landmark model's own jitter on a photo moved a little is 0.008–0.05 (face-match test set), so above 0.005 a real
     * elder standing still could be refused; this check refuses still pictures, not printed photos.
     */
    FACE_LIVENESS_MIN_CHANGE: z.coerce.number().min(0).max(1).default(0.002),
    /**
     * Bearer token a Prometheus scraper sends for /metrics. Without it (or METRICS_OPEN) nobody may read them: behind a
     * reverse proxy on the same host, a loopback peer is everyone.
     */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** /metrics without a token, for a local Prometheus where no one else reaches the port. */
    METRICS_OPEN: flag.default(false),
    /** /metrics of a gateway or worker running on its own (the api serves its own on HTTP_PORT); unset: none. */
    METRICS_PORT: port.optional(),
    /** Map tiles for the console (Leaflet URL template) and their attribution. */
    MAP_TILE_URL: z.string().min(1).default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
    MAP_TILE_ATTRIBUTION: z.string().default('© OpenStreetMap contributors'),

    DEMO: flag.default(true),
    DEMO_ELDERS: positiveInt.max(100_000).default(200),
    DEMO_SPEED: z.coerce.number().positive().max(3600).default(60),
  })
  .superRefine((env, context) => {
    if (env.PHOTO_STORAGE !== 's3') return;
    for (const key of PHOTO_S3_REQUIRED)
      if (env[key] === undefined)
        context.addIssue({ code: 'custom', path: [key], message: 'required when PHOTO_STORAGE is s3' });
  });

export type Environment = z.infer<typeof environmentSchema>;

/** Where Redis is looked for when REDIS_URL is unset. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
