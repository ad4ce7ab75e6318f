import { deviceQuery, elderDevicesQuery, NO_DEVICE_FILTERS } from './device-query';

describe('deviceQuery', () => {
  it('starts with the devices in service', () => {
    expect(deviceQuery(NO_DEVICE_FILTERS, 0)).toBe('status=active&offset=0&limit=50');
  });

  it('sends the chosen filters and the page', () => {
    expect(
      Object.fromEntries(new URLSearchParams(deviceQuery({ type: 'wearable', status: '', regionId: 'r-2' }, 50, 20))),
    ).toEqual({
      type: 'wearable',
      regionId: 'r-2',
      offset: '50',
      limit: '20',
    });
  });
});

describe('elderDevicesQuery', () => {
  it('asks for every device of one elder, retired ones too', () => {
    expect(Object.fromEntries(new URLSearchParams(elderDevicesQuery('e-1')))).toEqual({
      elderId: 'e-1',
      offset: '0',
      limit: '50',
    });
  });
});
