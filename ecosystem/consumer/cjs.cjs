// A user's CommonJS script, run by smoke.mjs against the lava-emulator CLI of the installed tarball:
// LAVA_BASE_URL and LAVA_SECRET_KEY come from the environment, as in production. Prints one line.
const { createLava, isLavaError, LavaError, paginate } = require('@lava-sdk/core');
const { createCustomer, listCustomers } = require('@lava-sdk/customers');
const { retrieveWallet } = require('@lava-sdk/wallet');
const { Lava } = require('lava-sdk');

const check = (ok, what) => {
  if (!ok) throw new Error(what);
};

async function main() {
  const lava = createLava(); // LAVA_SECRET_KEY, LAVA_BASE_URL
  for (const n of [1, 2, 3, 4]) {
    const created = await createCustomer(lava, { reference_id: `cjs_${n}` });
    check(created.isOk(), `createCustomer: ${created.isErr() && created.error.message}`);
  }
  const seen = [];
  for await (const item of paginate(listCustomers, lava, { limit: 3 })) {
    if (item.isErr()) throw item.error;
    seen.push(item.value.reference_id);
  }
  check(seen.length === 4, `paginate saw ${seen.length}`);
  const wallet = await retrieveWallet(lava);
  check(wallet.isOk(), `retrieveWallet: ${wallet.isErr() && wallet.error.message}`);

  const client = new Lava(); // the same environment variables
  const page = await client.customers.list({ limit: 2 });
  check(page.data.length === 2 && page.has_more === true, 'Lava.customers.list');
  const error = await client.customers.retrieve('con_missing').catch((e) => e);
  check(
    error instanceof LavaError && isLavaError(error) && error.status === 404,
    'Lava class throws a LavaError',
  );
  check(!String(error.stack).includes(process.env.LAVA_SECRET_KEY), 'the secret key is in a stack');
  console.log('node CJS: createLava from the environment, 4 customers, paginate, wallet, Lava class, 404 ok');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
