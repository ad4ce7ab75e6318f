import { loadConfig, ConfigError } from './load-config';

describe('loadConfig', () => {
  it('applies the embedded defaults when nothing is set', () => {
    const sut = loadConfig({});
    expect(sut).toMatchObject({ GATEWAY_BATCH_WINDOW_MS: 5, DEMO: true });
    expect(sut.MQTT_PORT).toBeUndefined();
    expect(sut.DATABASE_URL).toBeUndefined();
    expect(sut.MQTT_URL).toBeUndefined();
  });

  it('reads and coerces what is set', () => {
    const sut = loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', GATEWAY_CONNECTIONS: '4', DEMO: 'false' });
    expect(sut).toMatchObject({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', GATEWAY_CONNECTIONS: 4, DEMO: false });
  });

  it('reads the console origins as a list, none by default', () => {
    expect(loadConfig({}).CONSOLE_ORIGINS).toEqual([]);
    expect(
      loadConfig({ CONSOLE_ORIGINS: 'https://console.example.org, http://10.0.0.5:8080' }).CONSOLE_ORIGINS,
    ).toEqual(['https://console.example.org', 'http://10.0.0.5:8080']);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ REDIS_URL: '' }).REDIS_URL).toBeUndefined();
  });

  it.each([
    ['MQTT_PORT', 'abc'],
    ['MQTT_PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['REDIS_URL', 'not a url'],
    ['GATEWAY_ID', 'gw/1'],
    ['GATEWAY_CONNECTIONS', '0'],
    ['LOG_LEVEL', 'loud'],
    ['DEMO', 'yes'],
    ['MQTT_PASSWORD', 'short'],
    ['CONSOLE_ORIGINS', 'https://console.example.org/app'],
    ['CONSOLE_ORIGINS', '*'],
  ])('refuses %s=%s naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}: `));
  });

  it('keeps photos on local disk unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ PHOTO_STORAGE: 'local', PHOTO_S3_FORCE_PATH_STYLE: false });
  });

  it('names every S3 setting a photo storage in S3 lacks, without echoing the secret it was given', () => {
    const start = () => loadConfig({ PHOTO_STORAGE: 's3', PHOTO_S3_SECRET_ACCESS_KEY: 'a-secret-never-shown' });
    expect(start).toThrow(ConfigError);
    const message = (() => {
      try {
        start();
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const name of ['PHOTO_S3_BUCKET', 'PHOTO_S3_REGION', 'PHOTO_S3_ACCESS_KEY_ID'])
      expect(message).toContain(`${name}: required when PHOTO_STORAGE is s3`);
    expect(message).not.toContain('PHOTO_S3_SECRET_ACCESS_KEY');
    expect(message).not.toContain('a-secret-never-shown');
  });

  it('reads a complete S3 photo storage', () => {
    const sut = loadConfig({
      PHOTO_STORAGE: 's3',
      PHOTO_S3_ENDPOINT: 'http://127.0.0.1:9000',
      PHOTO_S3_BUCKET: 'eldercare-photos',
      PHOTO_S3_REGION: 'us-east-1',
      PHOTO_S3_ACCESS_KEY_ID: 'key-id',
      PHOTO_S3_SECRET_ACCESS_KEY: 'secret',
      PHOTO_S3_FORCE_PATH_STYLE: 'true',
    });
    expect(sut).toMatchObject({
      PHOTO_STORAGE: 's3',
      PHOTO_S3_BUCKET: 'eldercare-photos',
      PHOTO_S3_FORCE_PATH_STYLE: true,
    });
  });

  it.each([
    ['PHOTO_STORAGE', 'ftp'],
    ['PHOTO_S3_ENDPOINT', 'minio:9000'],
    ['PHOTO_S3_BUCKET', 'Photos_Bucket'],
    ['PHOTO_S3_FORCE_PATH_STYLE', 'yes'],
  ])('refuses the photo setting %s=%s naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}: `));
  });
});
