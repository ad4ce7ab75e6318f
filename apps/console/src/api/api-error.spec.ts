import { networkError, toApiError } from './api-error';

describe('toApiError', () => {
  it('reads the code and message of an api refusal', () => {
    const sut = toApiError(409, { error: { code: 'alert-already-acknowledged', message: 'taken' } });
    expect(sut).toMatchObject({ status: 409, code: 'alert-already-acknowledged', message: 'taken' });
  });

  it('keeps the details a refusal carries', () => {
    const sut = toApiError(422, {
      error: { code: 'care-plan-over-entitlement', message: 'too much', details: { excesses: [] } },
    });
    expect(sut.details).toEqual({ excesses: [] });
  });

  it('uses the code as the message when there is none', () => {
    expect(toApiError(404, { error: { code: 'alert-not-found' } }).message).toBe('alert-not-found');
  });

  it.each([[null], ['<html>Bad gateway</html>'], [{ error: 'x' }], [{ error: { code: 7 } }]])(
    'names a body not in the api shape (%p) by its status',
    (body) => {
      expect(toApiError(502, body)).toMatchObject({ status: 502, code: 'http-502' });
    },
  );
});

describe('networkError', () => {
  it('has status 0 and code network', () => {
    expect(networkError(new TypeError('Failed to fetch'))).toMatchObject({
      status: 0,
      code: 'network',
      message: 'Failed to fetch',
    });
  });
});
