/**
 * Usage reporting from a long-running Node server: each request reports its usage with `report()`, which
 * returns at once; the reporter delivers in the background (4 at a time, retried with backoff, each event
 * once: Lava is idempotent on `request_id`). With `fileStore`, an event is on disk before `report()` returns,
 * so a crash or a deploy loses nothing: the next start delivers what is left.
 *
 *   LAVA_SECRET_KEY=aks_test_… LAVA_CUSTOMER_ID=con_… LAVA_METER_SLUG=chat node --import tsx examples/report-usage-node.ts
 *   curl -X POST localhost:3000/work -d 'some text'
 *
 * At shutdown (SIGTERM from the orchestrator, Ctrl-C), `close()` refuses new events and resolves once every
 * queued one is delivered or has failed. The orchestrator's grace period bounds the wait: what is still
 * queued when the process dies stays in the file for the next start.
 */
import { createServer } from 'node:http';
import { createLava } from '@lava-sdk/core';
import { createUsageReporter } from '@lava-sdk/requests';
import { fileStore } from '@lava-sdk/requests/node';

const customerId = process.env.LAVA_CUSTOMER_ID ?? 'con_demo';
const meterSlug = process.env.LAVA_METER_SLUG ?? 'chat';

const lava = createLava(); // LAVA_SECRET_KEY, LAVA_BASE_URL
const reporter = createUsageReporter(lava, {
  store: fileStore(process.env.LAVA_USAGE_LOG ?? '.lava/usage.log'),
  onError: (error, event) =>
    console.error(`usage ${event.request_id} not recorded: ${error.kind} ${error.message}`),
});

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    const result = reporter.report({
      customer_id: customerId,
      meter_slug: meterSlug,
      input_characters: body.length,
      metadata: { route: 'work' },
    });
    // Ok once queued (and on disk); Err if invalid, closed, full or the disk refused: nothing was queued.
    result.match(
      (requestId) => res.end(JSON.stringify({ ok: true, request_id: requestId })),
      (error) => {
        res.statusCode = 503;
        res.end(JSON.stringify({ ok: false, error: error.message }));
      },
    );
  });
});
server.listen(3000, () => console.log('listening on http://localhost:3000'));

async function shutdown(signal: string): Promise<void> {
  console.log(`${signal}: stop taking requests, deliver the queued usage`);
  server.close();
  await reporter.close();
  console.log('usage delivered:', reporter.stats());
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
