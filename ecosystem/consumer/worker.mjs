// A user's Cloudflare Worker: the drop-in class from `lava-sdk`, bundled by smoke.mjs as wrangler does
// (conditions workerd, worker, browser) and run in workerd without nodejs_compat, against the emulator.
import { Lava, LavaError } from 'lava-sdk';

async function run(env) {
  const lava = new Lava(env.LAVA_SECRET_KEY, { baseUrl: env.LAVA_BASE_URL });
  const customer = await lava.customers.create({ reference_id: 'worker_user', email: 'w@example.com' });
  const page = await lava.customers.list({ limit: 10 });
  if (!page.data.some((c) => c.customer_id === customer.customer_id)) throw new Error('customer not listed');
  const token = await lava.generateForwardToken({ customer_id: customer.customer_id, meter_slug: 'chat' });
  if (JSON.parse(atob(token)).customer_id !== customer.customer_id) throw new Error('forward token');
  const missing = await lava.customers.retrieve('con_missing').catch((e) => e);
  if (!(missing instanceof LavaError) || missing.status !== 404) throw new Error('404 is not a LavaError');
  // The browser login needs Node: here it is the edge build's config error, not a crash at load.
  const login = await Lava.login().catch((e) => e);
  if (!(login instanceof LavaError) || login.kind !== 'config') throw new Error(`Lava.login() gave ${login}`);
  // The code exchange is plain fetch: the real one runs, and the emulator refuses a made-up code.
  const exchange = await Lava.exchangeAuthCode({ code: 'not-a-code', baseUrl: env.LAVA_BASE_URL }).catch(
    (e) => e,
  );
  if (!(exchange instanceof LavaError) || exchange.kind !== 'api')
    throw new Error(`exchangeAuthCode gave ${exchange}`);
  return 'workerd (no nodejs_compat): new Lava(), customers.create/list/retrieve, forward token, login() → config, exchangeAuthCode → api ok';
}

export default {
  async fetch(_request, env) {
    try {
      return new Response(await run(env));
    } catch (error) {
      return new Response(String(error?.stack ?? error), { status: 500 });
    }
  },
};
