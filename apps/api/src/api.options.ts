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
  /** The folder home adaptation photos are kept in (the local-disk photo storage). */
  photoDir: string;
}

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
    PHOTO_DIR?: string;
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
    photoDir: env.PHOTO_DIR ?? `${env.DATA_DIR}/photos`,
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
