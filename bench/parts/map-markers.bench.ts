/**
 * map-markers: how many elders the operations map handles in Chromium on this machine. The console's own
 * clustering (supercluster), spreading and markers are bundled by Vite and run on a 1440×900 map without tiles:
 * the time to index 10,000 to 100,000 elders, to draw the city view, a frame after each pan (the redraw an operator
 * waits for), and the closest zoom, where elders stand alone. The index is also what an alert change rebuilds.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { runPart } from '../harness/run-part';

/** What the page (bench/console/map-markers.page.ts, built for the browser) measures for one count. */
interface MapTimings {
  markers: number;
  indexMs: number;
  cityDrawMs: number;
  panFrameMs: number[];
  closeDrawMs: number;
  closeMarkers: number;
}

const COUNTS = [10_000, 50_000, 100_000];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

runPart('map-markers', async ({ sheet, onCleanup }) => {
  const outDir = await mkdtemp(join(tmpdir(), 'map-markers-'));
  onCleanup(() => rm(outDir, { recursive: true, force: true }));
  // Vite is an ES module; this part runs as CommonJS.
  const { build } = await import('vite');
  await build({
    configFile: join(__dirname, '../../apps/console/vite.config.ts'),
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      lib: {
        entry: join(__dirname, '../console/map-markers.page.ts'),
        name: 'mapMarkers',
        formats: ['iife'],
        fileName: () => 'page.js',
      },
    },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  onCleanup(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ path: join(outDir, 'page.js') });

  for (const count of COUNTS) {
    const timings = await page.evaluate(
      (n) => (globalThis as unknown as { benchMap: (n: number) => Promise<MapTimings> }).benchMap(n),
      count,
    );
    const k = `${count / 1000}k`;
    sheet.add(`map_${k}_index_ms`, timings.indexMs, 'ms');
    sheet.add(`map_${k}_city_draw_ms`, timings.cityDrawMs, 'ms');
    sheet.add(`map_${k}_pan_frame_p50_ms`, median(timings.panFrameMs), 'ms');
    sheet.add(`map_${k}_pan_frame_max_ms`, Math.max(...timings.panFrameMs), 'ms');
    sheet.add(`map_${k}_closest_zoom_draw_ms`, timings.closeDrawMs, 'ms');
    sheet.add(`map_${k}_closest_zoom_markers`, timings.closeMarkers, 'markers');
  }
  sheet.note(
    'one Chromium tab on the shared machine, no tiles; pan frames are the redraw after a 240-px pan, to the next animation frame',
  );
});
