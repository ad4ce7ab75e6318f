import { isDataRefusal, sqlStateOf } from './data-refusal';

describe('isDataRefusal', () => {
  it.each([
    ['a check violation', { driverError: { code: '23514' } }],
    ['a timestamp out of range', { driverError: { code: '22008' } }],
    ['an unsupported Unicode escape in jsonb', { code: '22P05' }],
    ['a row too large for its index', { driverError: { code: '54000' } }],
  ])('is true for %s', (_name, error) => {
    expect(isDataRefusal(error)).toBe(true);
  });

  it.each([
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a deadlock', { driverError: { code: '40P01' } }],
    ['a server shutting down', { driverError: { code: '57P01' } }],
    ['a Node error code', Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })],
    ['nothing', undefined],
  ])('is false for %s, which a retry may get past', (_name, error) => {
    expect(isDataRefusal(error)).toBe(false);
  });
});

describe('sqlStateOf', () => {
  it('prefers the driver error of a TypeORM QueryFailedError', () => {
    expect(sqlStateOf({ code: 'ignored', driverError: { code: '23505' } })).toBe('23505');
  });
});
