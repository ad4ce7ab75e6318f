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
});
