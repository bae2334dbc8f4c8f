/**
 * Usage reporting from a long-running Node server that streams its answers: each response streams a
 * reply from your own model (not through Lava's gateway, which bills by itself) and reports its usage with
 * `report()` when the stream ends; the reporter delivers in the background (4 at a time, retried with
 * backoff, each event once: Lava is idempotent on `request_id`). With `fileStore`, an event is on disk
 * before `report()` returns, so a crash or a deploy loses nothing: the next start delivers what is left.
 *
 *   LAVA_SECRET_KEY=aks_test_… LAVA_CUSTOMER_ID=con_… LAVA_METER_SLUG=chat node --import tsx examples/report-usage-node.ts
 *   curl -N -X POST localhost:3000/work -d 'some text'
 *
 * At shutdown (SIGTERM from the orchestrator, Ctrl-C) the order matters: first the server stops taking
 * requests and lets the streams in flight finish, each reporting its usage; only then does the reporter
 * close, refusing new events and delivering the queued ones. Closed the other way round, a stream that
 * ends during shutdown reports into a closed reporter and its usage is never billed.
 * test/examples/report-usage-node.test.ts sends SIGTERM mid-stream and checks that nothing is lost.
 */
import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLava } from '@lava-sdk/core';
import { createUsageReporter } from '@lava-sdk/requests';
import { fileStore } from '@lava-sdk/requests/node';

const customerId = process.env.LAVA_CUSTOMER_ID ?? 'con_demo';
const meterSlug = process.env.LAVA_METER_SLUG ?? 'chat';
const port = Number(process.env.PORT ?? 3000);

const lava = createLava(); // LAVA_SECRET_KEY, LAVA_BASE_URL
const reporter = createUsageReporter(lava, {
  store: fileStore(process.env.LAVA_USAGE_LOG ?? '.lava/usage.log'),
  onError: (error, event) =>
    console.error(`usage ${event.request_id} not recorded: ${error.kind} ${error.message}`),
});

/** Stands in for your model: the reply, a word at a time. */
async function* generate(prompt: string): AsyncGenerator<string> {
  for (const word of `You said: ${prompt}`.split(' ')) {
    await sleep(40);
    yield `${word} `;
  }
}

const server = createServer(async (req, res) => {
  let prompt = '';
  for await (const chunk of req) prompt += chunk;
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
  let output = 0;
  for await (const text of generate(prompt)) {
    res.write(text);
    output += text.length;
  }
  // The reply is complete: report what it used. Ok once queued (and on disk); an Err means nothing was
  // queued (invalid, closed, full, or the disk refused) and is worth a log line.
  const queued = reporter.report({
    customer_id: customerId,
    meter_slug: meterSlug,
    input_characters: prompt.length,
    output_characters: output,
    metadata: { route: 'work' },
  });
  if (queued.isErr()) console.error('usage not queued:', queued.error.kind, queued.error.message);
  res.end();
});
server.listen(port, () => {
  const address = server.address();
  console.log(`listening on http://localhost:${typeof address === 'object' ? address?.port : port}`);
});

// #region shutdown
async function shutdown(signal: string): Promise<void> {
  console.log(`${signal}: finishing the streams in flight, then delivering the queued usage`);
  // 1. Stop taking requests; resolves once every response in flight has ended (and reported its usage).
  //    Node 20 closes idle keep-alive sockets at once; bound the wait by your platform's grace period.
  await new Promise<void>((resolve) => server.close(() => resolve()));
  // 2. Then close the reporter: it refuses new events, and resolves once every queued one is delivered
  //    or has finally failed (bounded by maxAgeMs; with fileStore, what is left stays on disk).
  await reporter.close();
  console.log('usage delivered:', reporter.stats());
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
// #endregion shutdown
