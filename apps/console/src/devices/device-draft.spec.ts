import { checkDeviceDraft, EMPTY_DEVICE_DRAFT } from './device-draft';

describe('checkDeviceDraft', () => {
  it('builds the request with the id trimmed', () => {
    expect(checkDeviceDraft({ id: ' btn-000123 ', type: 'call_button', elderId: 'e-1' })).toEqual({
      ok: true,
      input: { id: 'btn-000123', type: 'call_button', elderId: 'e-1' },
    });
  });

  it('says what is missing', () => {
    expect(checkDeviceDraft(EMPTY_DEVICE_DRAFT)).toEqual({
      ok: false,
      problems: { id: 'elder-form.required', type: 'elder-form.required', elderId: 'device-form.elder-required' },
    });
  });

  it.each(['ab', 'btn 01', 'btn/01', 'x'.repeat(65), '水表-01'])(
    'refuses the device id %p, which topics and broker accounts cannot carry',
    (id) => {
      expect(checkDeviceDraft({ id, type: 'water_meter', elderId: 'e-1' })).toEqual({
        ok: false,
        problems: { id: 'device-form.bad-id' },
      });
    },
  );
});
