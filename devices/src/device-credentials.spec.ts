import { parseCredentials } from './device-credentials';

const button = { deviceId: 'btn-0001', type: 'call_button', secret: 's3cret' };

describe('parseCredentials', () => {
  it('reads a list of devices', () => {
    const meter = { deviceId: 'wm-0001', type: 'water_meter', secret: 'x' };
    expect(parseCredentials([button, meter])).toEqual([button, meter]);
  });

  it.each([
    { name: 'an object, not a list', value: button, message: 'expected array' },
    { name: 'an empty list', value: [], message: 'no devices listed' },
    { name: 'a bad device id', value: [{ ...button, deviceId: 'b/1' }], message: 'deviceId' },
    { name: 'an unknown type', value: [{ ...button, type: 'smoke_alarm' }], message: 'type' },
    { name: 'an empty secret', value: [{ ...button, secret: '' }], message: 'secret' },
    { name: 'an unknown field', value: [{ ...button, elder: 'Li' }], message: 'elder' },
    { name: 'a device listed twice', value: [button, button], message: 'listed twice' },
  ])('refuses $name, saying what is wrong', ({ value, message }) => {
    expect(() => parseCredentials(value)).toThrow(message);
  });
});
