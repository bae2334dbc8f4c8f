// Shared setup of the browser tests: Debian's Chromium driven by playwright-core, the React test page built
// with esbuild and served from its own origin, a webhook receiver, and an emulator with a movable clock.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createLava, type LavaClient, type LavaError } from '@lava-sdk/core';
import { createWebhook } from '@lava-sdk/webhooks';
import { build } from 'esbuild';
import type { Result } from 'neverthrow';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { EMULATOR_SECRET_KEY } from '../../src/index';
import { type RunningEmulator, startEmulator } from '../../src/server';

/** Debian's `chromium` package; another build can be named with `CHROMIUM_PATH`. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Whether Chromium is installed; the suites use `describe.skipIf(!hasBrowser)`. */
export const hasBrowser = existsSync(CHROMIUM_PATH);
if (!hasBrowser) {
  const why = `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  // CI installs Chromium first (.ci/run); there a missing browser is a failure, never a skip.
  if (process.env.CI) throw new Error(`Browser tests cannot run: ${why}`);
  console.warn(`\n[browser] SKIPPED: the browser tests did not run: ${why}\n`);
}

/** Where screenshots go; CI keeps `.ci/out/`. */
export const OUT_DIR = fileURLToPath(new URL('../../../../.ci/out/', import.meta.url));
/** Screenshots the README shows; refreshed when `UPDATE_SCREENSHOTS=1`. */
export const DOCS_DIR = fileURLToPath(new URL('../../../../docs/images/', import.meta.url));

const FIXTURE = fileURLToPath(new URL('./fixture/main.tsx', import.meta.url));

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

/** The React page, bundled in memory: React 18, react-dom and the real `@lavapayments/checkout`. */
async function bundleFixture(): Promise<string> {
  const result = await build({
    entryPoints: [FIXTURE],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

export interface ReceivedWebhook {
  body: string;
  signature: string;
}

export interface BrowserSuite {
  emulator: RunningEmulator;
  lava: LavaClient;
  /** The merchant page's origin (another port than the emulator: another origin, as in production). */
  merchantOrigin: string;
  webhookSecret: string;
  received: ReceivedWebhook[];
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Moves the emulator's clock forward. */
  advance(ms: number): void;
  /** Messages of uncaught exceptions and console errors of every page in the test. */
  pageErrors: string[];
  /** Texts of `alert()`/`confirm()` dialogs any page opened; an escaping bug shows up here. */
  dialogs: string[];
}

/** Starts everything once per file; each test gets a reset emulator, a fresh webhook and a new browser context. */
export function useBrowserSuite(): BrowserSuite {
  const suite = {
    received: [] as ReceivedWebhook[],
    pageErrors: [] as string[],
    dialogs: [] as string[],
  } as BrowserSuite;
  let offset = 0;
  let merchant: Server;
  let receiver: Server;
  let receiverUrl = '';
  suite.advance = (ms) => {
    offset += ms;
  };
  beforeAll(async () => {
    if (!hasBrowser) return;
    await mkdir(OUT_DIR, { recursive: true });
    const bundle = await bundleFixture();
    merchant = createServer((req, res) => {
      if (req.url?.startsWith('/main.js')) {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
        return;
      }
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme AI</title></head>' +
            '<body><div id="root"></div><script type="module" src="/main.js"></script></body></html>',
        );
    });
    suite.merchantOrigin = await listen(merchant);
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        suite.received.push({
          body: Buffer.concat(chunks).toString('utf8'),
          signature: String(req.headers['x-webhook-signature']),
        });
        res.writeHead(200).end();
      });
    });
    receiverUrl = await listen(receiver);
    suite.emulator = await startEmulator({ now: () => new Date(Date.now() + offset) });
    suite.lava = createLava({ secretKey: EMULATOR_SECRET_KEY, baseUrl: suite.emulator.baseUrl });
    suite.browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      // Root in a container needs --no-sandbox; the others keep Chromium off the (closed) network.
      // Playwright gives every launch a fresh temporary profile (--user-data-dir) of its own.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.emulator?.stop();
    if (merchant) await close(merchant);
    if (receiver) await close(receiver);
  });
  beforeEach(async () => {
    if (!hasBrowser) return;
    offset = 0;
    suite.emulator.emulator.reset();
    suite.received.length = 0;
    suite.pageErrors.length = 0;
    suite.dialogs.length = 0;
    const hook = await createWebhook(suite.lava, { name: 'test receiver', url: `${receiverUrl}/hook` });
    suite.webhookSecret = hook._unsafeUnwrap().webhook_secret;
    suite.context = await suite.browser.newContext({ viewport: { width: 1280, height: 860 } });
    suite.context.on('page', (page) => watch(suite, page));
    suite.page = await suite.context.newPage();
    watch(suite, suite.page);
  });
  afterEach(async () => {
    if (!hasBrowser) return;
    await suite.context.close();
    expect(suite.dialogs, 'no page opened a dialog').toEqual([]);
    expect(suite.pageErrors, 'no page threw or logged an error').toEqual([]);
  });
  return suite;
}

const watched = new WeakSet<Page>();

function watch(suite: BrowserSuite, page: Page): void {
  if (watched.has(page)) return;
  watched.add(page);
  page.on('pageerror', (error) => suite.pageErrors.push(error.message));
  page.on('console', (message) => {
    // Chromium logs every 4xx answer; the tests provoke those on purpose and check the status themselves.
    if (
      message.type() === 'error' &&
      !message.text().startsWith('Failed to load resource: the server responded')
    )
      suite.pageErrors.push(message.text());
  });
  page.on('dialog', (dialog) => {
    // The package asks before leaving a page with an open checkout; leaving is what the test wants.
    if (dialog.type() === 'beforeunload') {
      dialog.accept().catch(() => undefined);
      return;
    }
    suite.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => undefined);
  });
}

/** Opens the merchant page with `token` and clicks its button, which calls the package's `open(token)`. */
export async function openCheckout(suite: BrowserSuite, token: string, page = suite.page) {
  await page.goto(`${suite.merchantOrigin}/?token=${encodeURIComponent(token)}`);
  await page.getByRole('button', { name: 'Open checkout' }).click();
  return page.frameLocator('iframe');
}

/** What the package's callbacks received, in order. */
export const checkoutEvents = (page: Page) => page.evaluate(() => window.lavaEvents);
/** Every `lava_*` message the merchant window received. */
export const lavaMessages = (page: Page) => page.evaluate(() => window.lavaMessages);

/** The value of an Ok result; an Err fails the test with its kind and message. */
export async function ok<T>(pending: PromiseLike<Result<T, LavaError>>): Promise<T> {
  const result = await pending;
  if (result.isErr()) throw new Error(`expected Ok, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}
