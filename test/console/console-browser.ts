import { TEST_PASSWORD } from '@eldercare/testing';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

/** A desktop console in Chinese, as a dispatch centre's screens run it. */
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' };

/** The machine's Chromium (`CHROMIUM_PATH`, else `/usr/bin/chromium`): never a downloaded one. */
export function launchChromium(args: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', ...args],
  });
}

/**
 * Chromium whose camera plays a video file (YUV4MPEG2 or MJPEG, in a loop) and is allowed without asking: what a
 * page's `getUserMedia` gets is the file's frames.
 */
export function launchChromiumWithCamera(videoPath: string): Promise<Browser> {
  return launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${videoPath}`,
  ]);
}

/**
 * A new page of its own browser context, signed in to the console at `apiUrl` through the sign-in form: it resolves
 * once the console shows who is signed in. `watch` sees the page before it loads anything.
 */
export async function signInToConsole(
  browser: Browser,
  apiUrl: string,
  username: string,
  {
    password = TEST_PASSWORD,
    context = DESKTOP,
    watch,
  }: {
    password?: string;
    context?: BrowserContextOptions;
    watch?: (page: Page) => void;
  } = {},
): Promise<Page> {
  const page = await (await browser.newContext(context)).newPage();
  watch?.(page);
  await page.goto(`${apiUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('session-user').waitFor();
  return page;
}
