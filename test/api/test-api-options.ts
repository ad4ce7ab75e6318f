import { registryOnlyProvisioning, type ApiOptions } from '@eldercare/api';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Api options for tests: the console as built into dist/console, the default answer targets. */
export function testApiOptions(
  redisUrl: string,
  queuePrefix: string,
  brokerUrl: string,
  overrides: Partial<ApiOptions> = {},
): ApiOptions {
  return {
    brokerUrl,
    consoleOrigins: [],
    metrics: { open: false },
    redis: { url: redisUrl },
    queuePrefix,
    provisioning: registryOnlyProvisioning,
    faceMatchMaxDistance: 0.4,
    faceLivenessMinChange: 0.002,
    photoStorage: { kind: 'local', dir: join(tmpdir(), `eldercare-photos-${queuePrefix}`) },
    session: { ttlHours: 12, cookieSecure: false },
    console: {
      dir: 'dist/console',
      answerTargetSec: 60,
      answerWorstSec: 180,
      tileUrl: 'http://127.0.0.1:9/{z}/{x}/{y}.png',
      tileAttribution: '',
    },
    ...overrides,
  };
}
