import pino from 'pino';
import { Writable } from 'node:stream';
import { createLogger, NestPinoLogger } from './logger';

function capture(): { sut: NestPinoLogger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { sut: new NestPinoLogger(pino({ level: 'trace' }, sink)), lines };
}

describe('NestPinoLogger', () => {
  it('keeps a plain object as fields of the line', () => {
    const { sut, lines } = capture();
    sut.log({ refused: 'alert-not-found', status: 404 }, 'DomainErrorFilter');
    expect(lines[0]).toMatchObject({
      level: 30,
      refused: 'alert-not-found',
      status: 404,
      context: 'DomainErrorFilter',
    });
  });

  it('writes anything else as the message', () => {
    const { sut, lines } = capture();
    sut.warn('broker slow', 'Gateway');
    sut.error(new Error('boom'), 'stack', 'Worker');
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [40, 'broker slow'],
      [50, 'Error: boom'],
    ]);
  });
});

describe('createLogger', () => {
  function output(isTTY: boolean): { stream: Writable & { isTTY: boolean }; text: () => string } {
    const chunks: string[] = [];
    const stream = Object.assign(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk.toString());
          done();
        },
      }),
      { isTTY },
    );
    return { stream, text: () => chunks.join('') };
  }

  it('writes one JSON object a line when no person is reading', () => {
    const { stream, text } = output(false);
    createLogger('info', 'gateway', stream).info({ deviceId: 'btn-000001' }, 'stored');
    expect(JSON.parse(text())).toMatchObject({ name: 'gateway', deviceId: 'btn-000001', msg: 'stored' });
  });

  it('writes readable lines to a terminal', () => {
    const { stream, text } = output(true);
    createLogger('info', 'gateway', stream).info({ deviceId: 'btn-000001' }, 'stored');
    expect(() => JSON.parse(text())).toThrow();
    expect(text()).toMatch(/INFO.*\(gateway\).*stored/);
    expect(text()).toMatch(/deviceId: "btn-000001"/);
  });
});
