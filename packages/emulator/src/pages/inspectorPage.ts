// The inspector at `GET /`, its state as JSON (`/_emulator/state`) and as server-sent events
// (`/_emulator/events`): a `state` event at once and whenever the state changes.

import { json } from '../http';
import type { Model } from '../model/model';
import { html, jsonForScript } from './html';
import { inspectorState } from './inspectorState';
import { htmlResponse, pageShell } from './pageShell';

export const STATE_PATH = '/_emulator/state';
export const EVENTS_PATH = '/_emulator/events';
/** How often the event stream looks for a change. */
export const EVENTS_INTERVAL_MS = 500;
/** A comment line this often keeps proxies and idle timeouts from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

/** `GET /`: the page, with the current state inlined so it renders before the event stream connects. */
export async function inspectorPage(model: Model, basePath: string): Promise<Response> {
  const config = {
    basePath,
    stateUrl: STATE_PATH,
    eventsUrl: EVENTS_PATH,
    initial: await inspectorState(model, basePath),
  };
  const body = html`<header class="top">
  <div><h1><span>Lava</span> emulator</h1>
    <p class="muted">LAVA_BASE_URL=<code id="base-url">${basePath}</code></p></div>
  <div id="live" class="live" data-state="connecting" role="status">Connecting…</div>
</header>
<main id="app" class="wrap"><noscript>The inspector needs JavaScript; the same state is at
  <a href="${STATE_PATH}">${STATE_PATH}</a>.</noscript></main>
<script type="application/json" id="inspector-config">${jsonForScript(config)}</script>
<script src="/_emulator/inspector.js"></script>`;
  return htmlResponse(pageShell({ title: 'Lava emulator', bodyClass: 'inspector', body }), 200, {
    frameAncestors: "'none'",
  });
}

/** `GET /_emulator/state`: what the inspector shows, as JSON. */
export async function stateResponse(model: Model, basePath: string): Promise<Response> {
  return json(await inspectorState(model, basePath), 200, { 'cache-control': 'no-store' });
}

/**
 * `GET /_emulator/events`: an endless `text/event-stream`. It compares the state's JSON every
 * `EVENTS_INTERVAL_MS` and sends it only when it changed, so time-driven changes (a renewal, an expired
 * checkout, a webhook delivery finishing) show up as well as those made by requests.
 */
export function eventsResponse(model: Model, basePath: string): Response {
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setInterval> | undefined;
  let last = '';
  let quiet = 0;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let busy = false;
      const tick = async () => {
        if (busy) return;
        busy = true;
        try {
          const data = JSON.stringify(await inspectorState(model, basePath));
          if (data !== last) {
            last = data;
            quiet = 0;
            controller.enqueue(encoder.encode(`event: state\ndata: ${data}\n\n`));
          } else {
            quiet += EVENTS_INTERVAL_MS;
            if (quiet >= HEARTBEAT_MS) {
              quiet = 0;
              controller.enqueue(encoder.encode(': heartbeat\n\n'));
            }
          }
        } catch {
          // The reader went away between two ticks: stop.
          clearInterval(timer);
        } finally {
          busy = false;
        }
      };
      controller.enqueue(encoder.encode('retry: 1000\n\n'));
      timer = setInterval(tick, EVENTS_INTERVAL_MS);
      return tick();
    },
    cancel() {
      clearInterval(timer);
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
