import { ConfigError } from '@eldercare/config';
import type { MetricsAccess } from '@eldercare/metrics';
import type { DeviceProvisioning } from './devices/device-provisioning';

/** What the console is told at start: its answer-time targets and its map. */
export interface ConsoleSettings {
  answerTargetSec: number;
  answerWorstSec: number;
  tileUrl: string;
  tileAttribution: string;
}

/** Everything the api needs, resolved by whoever starts it. */
export interface ApiOptions {
  redis: { url: string };
  queuePrefix: string;
  /** How registered devices get their broker accounts. */
  provisioning: DeviceProvisioning;
  session: { ttlHours: number; cookieSecure: boolean };
  console: ConsoleSettings & { dir: string };
  /**
   * Origins besides the api's own whose pages may write and open the live socket (a console served elsewhere, the
   * public origin when a proxy rewrites Host).
   */
  consoleOrigins: string[];
  /** The MQTT broker devices reach, for the health check. */
  brokerUrl: string;
  /** Who may read /metrics: a scraper sending the token, or anyone when open. */
  metrics: MetricsAccess;
  /** The canteen terminal's face match: the largest descriptor distance taken for the same elder. */
  faceMatchMaxDistance: number;
  /** The least change of the face's shape between the terminal's frames taken as a living face. */
  faceLivenessMinChange: number;
  /** Created at start when no user exists yet. */
  firstAdmin?: { username: string; password: string };
  /** Where home adaptation photos are kept. */
  photoStorage: PhotoStorageOptions;
}

/** Photos on local disk in a folder, or in a bucket of an S3-compatible store. */
export type PhotoStorageOptions =
  | { kind: 'local'; dir: string }
  | {
      kind: 's3';
      /** Unset: AWS S3 of the region. */
      endpoint?: string;
      bucket: string;
      region: string;
      accessKeyId: string;
      secretAccessKey: string;
      forcePathStyle: boolean;
    };

export const API_OPTIONS = Symbol('API_OPTIONS');

/** The api options a process derives from its environment. */
export function apiOptionsFrom(
  env: {
    QUEUE_PREFIX: string;
    SESSION_TTL_HOURS: number;
    NODE_ENV?: string;
    SESSION_COOKIE_SECURE?: boolean;
    CONSOLE_DIR: string;
    ANSWER_TARGET_SEC: number;
    ANSWER_WORST_SEC: number;
    FACE_MATCH_MAX_DISTANCE: number;
    FACE_LIVENESS_MIN_CHANGE: number;
    MAP_TILE_URL: string;
    MAP_TILE_ATTRIBUTION: string;
    METRICS_TOKEN?: string;
    METRICS_OPEN: boolean;
    CONSOLE_ORIGINS: string[];
    ADMIN_USERNAME: string;
    ADMIN_PASSWORD?: string;
    DATA_DIR: string;
    PHOTO_STORAGE: 'local' | 's3';
    PHOTO_DIR?: string;
    PHOTO_S3_ENDPOINT?: string;
    PHOTO_S3_BUCKET?: string;
    PHOTO_S3_REGION?: string;
    PHOTO_S3_ACCESS_KEY_ID?: string;
    PHOTO_S3_SECRET_ACCESS_KEY?: string;
    PHOTO_S3_FORCE_PATH_STYLE: boolean;
  },
  urls: { redis: string; broker: string },
  provisioning: DeviceProvisioning,
): ApiOptions {
  return {
    brokerUrl: urls.broker,
    consoleOrigins: env.CONSOLE_ORIGINS,
    metrics: { token: env.METRICS_TOKEN, open: env.METRICS_OPEN },
    firstAdmin: env.ADMIN_PASSWORD ? { username: env.ADMIN_USERNAME, password: env.ADMIN_PASSWORD } : undefined,
    redis: { url: urls.redis },
    queuePrefix: env.QUEUE_PREFIX,
    provisioning,
    faceMatchMaxDistance: env.FACE_MATCH_MAX_DISTANCE,
    faceLivenessMinChange: env.FACE_LIVENESS_MIN_CHANGE,
    photoStorage: photoStorageFrom(env),
    session: {
      ttlHours: env.SESSION_TTL_HOURS,
      cookieSecure: env.SESSION_COOKIE_SECURE ?? env.NODE_ENV === 'production',
    },
    console: {
      dir: env.CONSOLE_DIR,
      answerTargetSec: env.ANSWER_TARGET_SEC,
      answerWorstSec: env.ANSWER_WORST_SEC,
      tileUrl: env.MAP_TILE_URL,
      tileAttribution: env.MAP_TILE_ATTRIBUTION,
    },
  };
}

/** The photo storage the environment names; the S3 settings it needs were checked when it was loaded. */
function photoStorageFrom(env: Parameters<typeof apiOptionsFrom>[0]): PhotoStorageOptions {
  if (env.PHOTO_STORAGE === 'local') return { kind: 'local', dir: env.PHOTO_DIR ?? `${env.DATA_DIR}/photos` };
  const required = (value: string | undefined, key: string): string => {
    if (value === undefined)
      throw new ConfigError(`Invalid configuration:\n  ${key}: required when PHOTO_STORAGE is s3`);
    return value;
  };
  return {
    kind: 's3',
    endpoint: env.PHOTO_S3_ENDPOINT,
    bucket: required(env.PHOTO_S3_BUCKET, 'PHOTO_S3_BUCKET'),
    region: required(env.PHOTO_S3_REGION, 'PHOTO_S3_REGION'),
    accessKeyId: required(env.PHOTO_S3_ACCESS_KEY_ID, 'PHOTO_S3_ACCESS_KEY_ID'),
    secretAccessKey: required(env.PHOTO_S3_SECRET_ACCESS_KEY, 'PHOTO_S3_SECRET_ACCESS_KEY'),
    forcePathStyle: env.PHOTO_S3_FORCE_PATH_STYLE,
  };
}
