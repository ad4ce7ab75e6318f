import { CliUsageError } from './cli-usage.error';
import { parseCommandLine } from './command-line';

const NOW = Date.parse('2025-11-23T09:30:00+08:00');
const DEVICE = ['device', '--id', 'btn-0001', '--type', 'call_button', '--secret', 's3cret'];
const split = (line: string) => line.split(' ').filter(Boolean);

describe('parseCommandLine', () => {
  it.each([
    { line: '', expected: { name: 'help' } },
    { line: '--help', expected: { name: 'help' } },
    { line: 'fleet -h', expected: { name: 'help' } },
    {
      line: `${DEVICE.join(' ')} press`,
      expected: {
        name: 'device',
        connection: { url: 'mqtt://127.0.0.1:1883', protocolVersion: 4 },
        device: { deviceId: 'btn-0001', type: 'call_button', secret: 's3cret' },
        action: 'press',
        battery: 80,
        listenSec: 5,
      },
    },
    {
      line: 'device --id watch-0001 --type wearable --secret s fall --lat 22.5 --lon 113.4 --url mqtt://broker:1883 --mqtt5 --listen 0',
      expected: {
        name: 'device',
        connection: { url: 'mqtt://broker:1883', protocolVersion: 5 },
        action: 'fall',
        position: { lat: 22.5, lon: 113.4 },
        listenSec: 0,
      },
    },
    { line: `${DEVICE.join(' ')} heartbeat --battery 12`, expected: { action: 'heartbeat', battery: 12 } },
    {
      line: 'household --credentials home.json --speed 1440 --start 2025-11-23T06:00:00+08:00 --seed li --worn-at-night --duration 60',
      expected: {
        name: 'household',
        credentialsFile: 'home.json',
        speed: 1440,
        startMs: Date.parse('2025-11-23T06:00:00+08:00'),
        seed: 'li',
        wornAtNight: true,
        durationSec: 60,
      },
    },
    {
      line: 'fleet --count 5000 --credentials fleet.json --speed 60',
      expected: {
        name: 'fleet',
        count: 5000,
        credentialsFile: 'fleet.json',
        speed: 60,
        startMs: NOW,
        seed: 'eldercare',
        concurrency: 50,
        statsEverySec: 5,
      },
    },
    {
      line: 'fleet --count 10 --credentials f.json --ts simulated --concurrency 5',
      expected: { timestamps: 'simulated', concurrency: 5 },
    },
    {
      line: 'scenario fall --credentials home.json',
      expected: { name: 'scenario', scenario: 'fall', speed: 1, startMs: NOW, listenSec: 10 },
    },
    {
      line: 'scenario no-water-day --credentials home.json --speed max --id wm-0001',
      expected: { speed: Number.POSITIVE_INFINITY, deviceId: 'wm-0001' },
    },
  ])('reads "$line"', ({ line, expected }) => {
    expect(parseCommandLine(split(line), NOW)).toMatchObject(expected);
  });

  it('reads raw bytes as given, JSON or not', () => {
    expect(parseCommandLine([...DEVICE, 'raw', '{"msgId":"1","kind":"sos","extra":true}'], NOW)).toMatchObject({
      action: 'raw',
      rawPayload: '{"msgId":"1","kind":"sos","extra":true}',
    });
    expect(parseCommandLine([...DEVICE, 'raw', 'not json'], NOW)).toMatchObject({ rawPayload: 'not json' });
  });

  it.each([
    { line: 'reboot', names: "'reboot'" },
    { line: `${DEVICE.join(' ')}`, names: 'press' },
    { line: `${DEVICE.join(' ')} wave`, names: "'wave'" },
    { line: `${DEVICE.join(' ')} raw`, names: 'payload' },
    { line: `${DEVICE.join(' ')} press now`, names: "'now'" },
    { line: 'device --type call_button --secret s press', names: '--id' },
    { line: 'device --id b --type call_button --secret s press', names: '--id' },
    { line: 'device --id btn-0001 --type smoke_alarm --secret s press', names: '--type' },
    { line: 'device --id btn-0001 --type call_button press', names: '--secret' },
    { line: 'device --id wm-0001 --type water_meter --secret s press', names: '--type' },
    { line: 'device --id btn-0001 --type call_button --secret s fall', names: '--type' },
    { line: `${DEVICE.join(' ')} heartbeat --battery 101`, names: '--battery' },
    { line: `${DEVICE.join(' ')} heartbeat --battery 5.5`, names: '--battery' },
    { line: `${DEVICE.join(' ')} press --lat 22.5`, names: '--lat' },
    { line: `${DEVICE.join(' ')} press --url localhost`, names: '--url' },
    { line: `${DEVICE.join(' ')} press --url http://broker`, names: '--url' },
    { line: `${DEVICE.join(' ')} press --cont 3`, names: '--cont' },
    { line: 'fleet --credentials f.json', names: '--count' },
    { line: 'fleet --count 0 --credentials f.json', names: '--count' },
    { line: 'fleet --count many --credentials f.json', names: '--count' },
    { line: 'fleet --count 10', names: '--credentials' },
    { line: 'fleet --count 10 --credentials f.json --speed 0', names: '--speed' },
    { line: 'fleet --count 10 --credentials f.json --speed max', names: '--speed' },
    { line: 'fleet --count 10 --credentials f.json --speed', names: '--speed' },
    { line: 'fleet --count 10 --credentials f.json --start yesterday', names: '--start' },
    { line: 'fleet --count 10 --credentials f.json --start 1', names: '--start' },
    { line: 'fleet --count 10 --credentials f.json --ts device', names: '--ts' },
    { line: 'fleet --count 10 --credentials f.json extra', names: "'extra'" },
    { line: 'household --credentials f.json --duration -5', names: '--duration' },
    { line: 'scenario --credentials f.json', names: 'name the scenario' },
    { line: 'scenario flood --credentials f.json', names: "'flood'" },
    { line: 'scenario fall --credentials f.json --id x', names: '--id' },
    { line: 'scenario fall --credentials f.json --listen soon', names: '--listen' },
  ])('refuses "$line", naming $names', ({ line, names }) => {
    const parse = () => parseCommandLine(split(line), NOW);
    expect(parse).toThrow(CliUsageError);
    expect(parse).toThrow(names);
  });
});
