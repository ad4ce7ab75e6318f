import { loadConfig } from '@eldercare/config';
import { apiOptionsFrom } from './api.options';
import { registryOnlyProvisioning } from './devices/device-provisioning';

const optionsOf = (variables: Record<string, string>) =>
  apiOptionsFrom(loadConfig(variables), { redis: 'redis://r', broker: 'mqtt://b' }, registryOnlyProvisioning);

describe('apiOptionsFrom', () => {
  it.each([
    ['in production', { NODE_ENV: 'production' }, true],
    ['in production, explicitly turned off', { NODE_ENV: 'production', SESSION_COOKIE_SECURE: 'false' }, false],
    ['outside production', { NODE_ENV: 'development' }, false],
    ['with no NODE_ENV', {}, false],
    ['outside production, explicitly turned on', { SESSION_COOKIE_SECURE: 'true' }, true],
  ])('makes the session cookie Secure %s: %s', (_case, variables, secure) => {
    expect(optionsOf(variables).session.cookieSecure).toBe(secure);
  });

  it('keeps /metrics closed unless a token is set or it is opened', () => {
    expect(optionsOf({}).metrics).toEqual({ token: undefined, open: false });
    expect(optionsOf({ METRICS_TOKEN: 'a-scraper-token-of-32-characters' }).metrics).toEqual({
      token: 'a-scraper-token-of-32-characters',
      open: false,
    });
    expect(optionsOf({ METRICS_OPEN: 'true' }).metrics.open).toBe(true);
  });

  it('keeps photos under DATA_DIR/photos, or PHOTO_DIR', () => {
    expect(optionsOf({ DATA_DIR: '/var/lib/eldercare' }).photoStorage).toEqual({
      kind: 'local',
      dir: '/var/lib/eldercare/photos',
    });
    expect(optionsOf({ PHOTO_DIR: '/srv/photos' }).photoStorage).toEqual({ kind: 'local', dir: '/srv/photos' });
  });

  it('keeps photos in the S3 bucket PHOTO_STORAGE=s3 names', () => {
    expect(
      optionsOf({
        PHOTO_STORAGE: 's3',
        PHOTO_S3_BUCKET: 'eldercare-photos',
        PHOTO_S3_REGION: 'cn-north-1',
        PHOTO_S3_ACCESS_KEY_ID: 'key-id',
        PHOTO_S3_SECRET_ACCESS_KEY: 'secret',
      }).photoStorage,
    ).toEqual({
      kind: 's3',
      endpoint: undefined,
      bucket: 'eldercare-photos',
      region: 'cn-north-1',
      accessKeyId: 'key-id',
      secretAccessKey: 'secret',
      forcePathStyle: false,
    });
  });
});
