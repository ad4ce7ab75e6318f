import { ALL_DOMAIN_ERROR_CODES, DomainError, type DomainErrorCode } from '@eldercare/domain';
import { Logger, NotFoundException, type ArgumentsHost, type LoggerService } from '@nestjs/common';
import { DomainErrorFilter } from './domain-error.filter';

/** A host whose response records what was sent, for a request by `username` (none when signed out). */
function hostFor(username?: string) {
  const sent: { status?: number; body?: unknown } = {};
  const response = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
    },
  };
  const request = { method: 'POST', path: '/api/alerts/x/claim', viewer: username ? { username } : undefined };
  const host = {
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }),
  } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('DomainErrorFilter', () => {
  const logged: { level: string; message: unknown }[] = [];
  const sink: LoggerService = {
    log: (message) => logged.push({ level: 'log', message }),
    error: (message) => logged.push({ level: 'error', message }),
    warn: (message) => logged.push({ level: 'warn', message }),
  };
  const sut = new DomainErrorFilter();

  beforeAll(() => Logger.overrideLogger(sink));
  afterAll(() => Logger.overrideLogger(false));
  beforeEach(() => logged.splice(0));

  it('answers a domain refusal by its code and records who was refused, where and why', () => {
    const { host, sent } = hostFor('zhangmin');
    sut.catch(new DomainError('alert-already-acknowledged', 'someone has it'), host);
    expect(sent).toEqual({
      status: 409,
      body: { error: { code: 'alert-already-acknowledged', message: 'someone has it' } },
    });
    expect(logged).toEqual([
      {
        level: 'log',
        message: {
          refused: 'alert-already-acknowledged',
          status: 409,
          method: 'POST',
          path: '/api/alerts/x/claim',
          user: 'zhangmin',
        },
      },
    ]);
  });

  it.each<[DomainErrorCode, number]>([
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['too-many-attempts', 429],
    ['absence-not-found', 404],
    ['contact-not-found', 404],
    ['service-unknown', 400],
    ['import-not-csv', 415],
    ['origin-not-allowed', 403],
    ['body-not-json', 415],
    ['body-too-deep', 400],
  ])('answers %s with %i', (code, status) => {
    const { host, sent } = hostFor('zhangmin');
    sut.catch(new DomainError(code, 'refused'), host);
    expect(sent.status).toBe(status);
  });

  it('answers every domain refusal with a client error, never a failure of its own', () => {
    const statuses = ALL_DOMAIN_ERROR_CODES.map((code) => {
      const { host, sent } = hostFor('zhangmin');
      sut.catch(new DomainError(code, 'refused'), host);
      return sent.status;
    });
    expect(statuses.filter((status) => status === undefined || status < 400 || status > 499)).toEqual([]);
    expect(logged.filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it('answers an unknown route 404 and records it without a user', () => {
    const { host, sent } = hostFor();
    sut.catch(new NotFoundException(), host);
    expect(sent.status).toBe(404);
    expect(logged[0].message).toMatchObject({ refused: 'route-not-found', user: null });
  });

  it('answers a failure of its own 500 without details, and logs it as an error with where, who and the stack', () => {
    const { host, sent } = hostFor('zhangmin');
    const failure = new Error('connection reset');
    sut.catch(failure, host);
    expect(sent).toEqual({
      status: 500,
      body: { error: { code: 'internal-error', message: 'something went wrong; it has been logged' } },
    });
    expect(logged).toEqual([
      {
        level: 'error',
        message: {
          failed: 'internal-error',
          status: 500,
          method: 'POST',
          path: '/api/alerts/x/claim',
          user: 'zhangmin',
          error: { message: 'connection reset', stack: failure.stack },
        },
      },
    ]);
    expect(failure.stack).toContain('domain-error.filter.spec.ts');
  });
});
