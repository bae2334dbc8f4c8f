// The gateway may only ever send the forward token to `<baseUrl>rewrite/{format}/…` or `<baseUrl>forward?u=…`
// (issue 17, item 1), and a body or metadata JSON cannot serialise is `invalid_params`, never a throw
// (item 8). A real server on loopback records every request target it gets, inside the base URL or not.
import { isLavaError, type LavaError } from '@lava-sdk/core';
import {
  type GatewayOptions,
  gateway,
  gatewayFetch,
  gatewayStream,
  REWRITE_FORMATS,
  type RewriteFormat,
  rewriteUrl,
} from '@lava-sdk/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tally, typedOutcome, watchUnhandled } from './harness';
import { type Loopback, startLoopback } from './loopback';

let loop: Loopback;
let origin = '';
/** Every raw request target the server got, whatever its path. */
const targets: string[] = [];
/** The x-lava-metadata header of each request. */
const heard: string[] = [];
const tally = new Tally();
const unhandled = watchUnhandled();

beforeAll(async () => {
  loop = await startLoopback((req, res) => {
    targets.push(req.url ?? '');
    heard.push(String(req.headers['x-lava-metadata']));
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  origin = loop.origin;
});
afterAll(async () => {
  unhandled.stop();
  await loop.close();
  tally.print('gateway-security.test.ts');
  expect(unhandled.reasons).toEqual([]);
});

const lava = () => loop.lava();

/** Requests the server got while `run` ran. */
async function sent(run: () => Promise<unknown>): Promise<string[]> {
  const before = targets.length;
  await run();
  return targets.slice(before);
}

/** The error a throwing call threw, or undefined. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

// Provider URLs that climb out of `rewrite/{format}/` once a URL parser or a server decodes them.
const TRAVERSALS = [
  '../secret_keys',
  '../../secret_keys',
  'https://api.openai.com/../../../secret_keys',
  'https://generativelanguage.googleapis.com/v1beta/models/../../../../secret_keys',
  '%2e%2e/%2e%2e/secret_keys',
  '%2E%2E/%2E%2E/secret_keys',
  '.%2e/.%2E/secret_keys',
  '%2e./%2E./secret_keys',
  '..\\..\\secret_keys',
  '..%5c..%5csecret_keys',
  '..%2f..%2fsecret_keys',
  '%2e%2e%2f%2e%2e%2fsecret_keys',
  '%252e%252e/%252e%252e/secret_keys',
  '%25252E%25252e%25255C%25252e%25252E%25252Fsecret_keys',
  '.\t./.\n./secret_keys',
  'https://api.openai.com/v1/..',
  'https://api.openai.com/v1/..?x=1',
  'https://api.openai.com/v1/..#x',
  'https://api.openai.com/v1/..;/x',
  './secret_keys',
  'https://api.openai.com/./v1/%2e/chat',
];
const PROVIDER = 'https://api.anthropic.com/v1/messages';

function expectRefused(error: unknown, path: string, label: string): void {
  expect(isLavaError(error), label).toBe(true);
  expect(error, label).toMatchObject({ kind: 'invalid_params' });
  expect(
    (error as Extract<LavaError, { kind: 'invalid_params' }>).issues.map((i) => i.path),
    label,
  ).toContain(path);
}

/** A Result-returning call must return `invalid_params` about `path`, never throw. */
async function expectReturned(run: () => unknown, path: string, label: string): Promise<void> {
  let outcome: unknown;
  try {
    outcome = await run();
  } catch (error) {
    outcome = { threw: error };
  }
  const typed = typedOutcome(outcome);
  expect(typed.problem, label).toBeUndefined();
  expectRefused(typed.error, path, label);
}

describe('rewrite mode cannot leave rewrite/{format}/', () => {
  it('rewriteUrl throws invalid_params for every dot segment, raw or encoded, in every format', () => {
    for (const format of REWRITE_FORMATS) {
      for (const url of TRAVERSALS) {
        expectRefused(
          thrown(() => rewriteUrl(lava(), format, url)),
          'url',
          `${format} ${JSON.stringify(url)}`,
        );
        tally.add('rewrite traversal refused', 1);
      }
    }
  });

  it('gateway() and gatewayStream() with a format send nothing and return invalid_params', async () => {
    for (const format of REWRITE_FORMATS) {
      for (const url of TRAVERSALS) {
        const label = `${format} ${JSON.stringify(url)}`;
        const seen = await sent(async () => {
          const plain = await gateway(lava(), url, { format, body: { a: 1 } });
          expectRefused(plain.isErr() && plain.error, 'url', `gateway ${label}`);
          const stream = await gatewayStream(lava(), url, { format, body: { a: 1 } });
          expectRefused(stream.isErr() && stream.error, 'url', `gatewayStream ${label}`);
        });
        expect(seen, label).toEqual([]);
        tally.add('rewrite traversal refused', 2);
      }
    }
  });

  it('gatewayFetch refuses a traversing rewrite url at creation and a traversing SDK path per request', async () => {
    for (const format of REWRITE_FORMATS) {
      for (const url of TRAVERSALS) {
        expectRefused(
          thrown(() => gatewayFetch(lava(), { rewrite: { format, url } })),
          'rewrite',
          `${format} ${JSON.stringify(url)}`,
        );
        tally.add('rewrite traversal refused', 1);
      }
    }
    // The SDK's own path is appended for openai and anthropic (google and bedrock drop it); its query
    // for every format, where dots are harmless.
    const paths = [
      'https://api.openai.com/v1/..%2f..%2f..%2fsecret_keys',
      'https://api.openai.com/v1/%2e%2e%5c%2e%2e%5csecret_keys',
      'https://api.openai.com/v1/chat/completions?x=..%2f../&y=/../',
    ];
    for (const format of REWRITE_FORMATS) {
      const f = gatewayFetch(lava(), { rewrite: { format, url: PROVIDER }, fetch: globalThis.fetch });
      for (const path of paths) {
        const sdkPath = format === 'openai' || format === 'anthropic';
        const refused = sdkPath && !path.includes('?');
        const seen = await sent(async () => {
          const outcome = await f(path, { method: 'POST', body: '{}' }).then(
            (response) => response.text(),
            (e: unknown) => e,
          );
          if (refused) expectRefused(outcome, 'url', `${format} ${path}`);
        });
        const url = new URL(path);
        const suffix = `${sdkPath ? url.pathname : ''}${url.search}`;
        expect(seen, path).toEqual(refused ? [] : [`/v1/rewrite/${format}/${PROVIDER}${suffix}`]);
        tally.add('rewrite traversal refused', 1);
      }
    }
  });

  it('a format that is not one of the four is refused everywhere, so it cannot traverse either', async () => {
    for (const format of ['..', '../..', '%2e%2e', 'openai/../..', 'openai/../../secret_keys#']) {
      const bad = format as RewriteFormat;
      expectRefused(
        thrown(() => rewriteUrl(lava(), bad, PROVIDER)),
        'format',
        format,
      );
      const seen = await sent(async () => {
        const result = await gateway(lava(), PROVIDER, { format: bad });
        expectRefused(result.isErr() && result.error, 'format', format);
      });
      expect(seen).toEqual([]);
      expectRefused(
        thrown(() => gatewayFetch(lava(), { rewrite: { format: bad, url: PROVIDER } })),
        'rewrite',
        format,
      );
      tally.add('format traversal refused', 3);
    }
  });

  it('legitimate rewrite calls still reach rewrite/{format}/<provider URL> as the official SDK builds it', async () => {
    const urls = [
      PROVIDER,
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent',
      // Dots in the query or fragment are not path segments.
      'https://generativelanguage.googleapis.com/v1beta/models/gemini:streamGenerateContent?alt=sse&q=../..%2f',
      'https://api.example.com/v1.2/a..b/.well/x#/../',
    ];
    for (const format of REWRITE_FORMATS) {
      for (const url of urls) {
        expect(rewriteUrl(lava(), format, url)).toBe(`${origin}/v1/rewrite/${format}/${url}`);
        const seen = await sent(async () => {
          const result = await gateway(lava(), url, { format, body: { a: 1 } });
          expect(result.isOk(), `${format} ${url}`).toBe(true);
        });
        expect(seen).toEqual([`/v1/rewrite/${format}/${url.split('#')[0]}`]); // a fragment is never sent
        tally.add('legitimate rewrite unchanged', 1);
      }
    }
  });
});

describe('forward mode cannot be steered', () => {
  it('whatever the provider URL holds, the request goes to forward?u= with the URL intact', async () => {
    const urls = [
      'https://api.openai.com/../../secret_keys',
      'https://api.openai.com/v1/%2e%2e/%2e%2e/secret_keys?x=../../y#..',
      'https://api.openai.com/v1\\..\\..\\secret_keys',
      'https://api.openai.com/v1/chat/completions?u=https://evil.example/&key=..%2f',
    ];
    for (const url of urls) {
      const seen = await sent(async () => {
        const result = await gateway(lava(), url, { body: { a: 1 } });
        expect(result.isOk(), url).toBe(true);
      });
      expect(seen).toHaveLength(1);
      const target = new URL(seen[0]!, origin);
      expect(target.pathname).toBe('/v1/forward');
      expect([...target.searchParams.keys()]).toEqual(['u']);
      expect(target.searchParams.get('u')).toBe(url);
      tally.add('forward target fixed', 1);
    }
    const f = gatewayFetch(lava(), { fetch: globalThis.fetch });
    for (const url of urls) {
      const seen = await sent(() => f(url, { method: 'POST', body: '{}' }).then((r) => r.text()));
      expect(seen).toHaveLength(1);
      const target = new URL(seen[0]!, origin);
      expect(target.pathname).toBe('/v1/forward');
      expect([...target.searchParams.keys()]).toEqual(['u']);
      expect(new URL(target.searchParams.get('u')!).host).toBe('api.openai.com');
      tally.add('forward target fixed', 1);
    }
  });
});

describe('bodies and metadata JSON cannot serialise', () => {
  const circular: Record<string, unknown> = { a: 1 };
  circular.self = circular;
  let deep: unknown = 'leaf';
  for (let i = 0; i < 10_000; i++) deep = { d: deep };
  let deepArray: unknown = [];
  for (let i = 0; i < 10_000; i++) deepArray = [deepArray];
  const bodies: [string, unknown][] = [
    ['a BigInt', { n: 10n }],
    ['a circular object', circular],
    [
      'a throwing toJSON',
      {
        toJSON: () => {
          throw new Error('nope');
        },
      },
    ],
    [
      'a throwing getter',
      {
        get x() {
          throw new Error('nope');
        },
      },
    ],
    ['a toJSON giving undefined', { toJSON: () => undefined }],
    ['10,000 nested objects', deep],
    ['10,000 nested arrays', deepArray],
  ];

  it('gateway() and gatewayStream() return invalid_params (body) and send nothing', async () => {
    // gateway() honours an inherited toJSON (gatewayStream copies a plain object to add `stream: true`).
    const inherited = Object.create({
      toJSON: () => {
        throw new Error('nope');
      },
    });
    for (const [label, body] of [...bodies, ['an inherited throwing toJSON', inherited] as const]) {
      const seen = await sent(async () => {
        for (const call of body === inherited ? [gateway] : [gateway, gatewayStream]) {
          await expectReturned(
            () => call(lava(), PROVIDER, { body } as GatewayOptions),
            'body',
            `${call.name} ${label}`,
          );
          tally.add('unserialisable body', 1);
        }
      });
      expect(seen, label).toEqual([]);
    }
  });

  it('metadata whose reading throws is invalid_params (metadata) for gateway, gatewayStream, gatewayFetch', async () => {
    const metadatas: [string, unknown][] = [
      [
        'a throwing getter',
        {
          get feature() {
            throw new Error('nope');
          },
        },
      ],
      [
        'a proxy whose keys throw',
        new Proxy(
          {},
          {
            ownKeys: () => {
              throw new Error('nope');
            },
          },
        ),
      ],
    ];
    for (const [label, metadata] of metadatas) {
      const options = { metadata } as GatewayOptions;
      const seen = await sent(async () => {
        for (const call of [gateway, gatewayStream] as const) {
          await expectReturned(() => call(lava(), PROVIDER, options), 'metadata', `${call.name} ${label}`);
          tally.add('unserialisable metadata', 1);
        }
        // gatewayFetch throws its option errors when it is created, as documented.
        const error = thrown(() => gatewayFetch(lava(), options));
        expectRefused(error, 'metadata', `gatewayFetch ${label}`);
        tally.add('unserialisable metadata', 1);
      });
      expect(seen, label).toEqual([]);
    }
  });

  it('metadata is sent as its own string pairs: an inherited toJSON neither throws nor changes the header', async () => {
    const metadatas: [string, unknown][] = [
      [
        'an inherited throwing toJSON',
        Object.assign(
          Object.create({
            toJSON: () => {
              throw new Error('nope');
            },
          }),
          { a: 'b' },
        ),
      ],
      ['an inherited toJSON giving a BigInt', Object.assign(Object.create({ toJSON: () => 1n }), { a: 'b' })],
    ];
    for (const [label, metadata] of metadatas) {
      const result = await gateway(lava(), PROVIDER, { metadata } as GatewayOptions).then(
        (r) => r,
        (error: unknown) => ({ threw: error }),
      );
      expect(typedOutcome(result), label).toEqual({ ok: true });
      expect(heard.at(-1), label).toBe('{"a":"b"}');
      tally.add('unserialisable metadata', 1);
    }
  });
});
