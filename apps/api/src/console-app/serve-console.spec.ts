import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveConsole } from './serve-console';

@Module({})
class NoRoutesModule {}

describe('serveConsole', () => {
  let dir: string;
  let app: NestExpressApplication;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'elder-page-Ab12.js'), 'export const page = 1;');
    writeFileSync(join(dir, 'assets', 'index-Cd34.css'), 'body{}');
    app = await NestFactory.create<NestExpressApplication>(NoRoutesModule, { logger: false });
    serveConsole(app, dir);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/', '/elders/123', '/elders/123/edit', '/alerts/a%2Fb', '/audit?elderId=7'])(
    'opens the app at the deep link %p',
    async (path) => {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('id="root"');
    },
  );

  it('serves a lazy page chunk as a script that browsers keep', async () => {
    const response = await fetch(`${base}/assets/elder-page-Ab12.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe('export const page = 1;');
  });

  it('serves the styles as css', async () => {
    const response = await fetch(`${base}/assets/index-Cd34.css`);
    expect(response.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('answers 404 for a chunk of another build instead of the app page', async () => {
    const response = await fetch(`${base}/assets/elder-page-Old9.js`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('leaves the api paths to the api', async () => {
    const response = await fetch(`${base}/api/elders/123`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
