// Every example response of Lava's API reference (test/helpers/docs-examples.ts) through the SDK function
// of its operation: each must parse (a schema stricter than the docs turns a real answer into
// invalid_response), keep every field, and the function must send the registry's wire request.
import { retrieveCustomer } from '@lava-sdk/customers';
import { describe, expect, it } from 'vitest';
import { CALLS, DOCS_EXAMPLES } from './helpers/docs-examples';
import { mockApi, testLava, useMsw } from './helpers/lava';
import { callOf, WIRED as wired } from './helpers/operations';

useMsw();
const lava = testLava();

describe("Lava's API reference examples, through the SDK", () => {
  it('every REST operation of the registry has at least one example and a call', () => {
    for (const op of wired) {
      expect(DOCS_EXAMPLES[op.name]?.length, op.name).toBeGreaterThan(0);
      expect(CALLS[op.name], op.name).toBeDefined();
    }
    expect(Object.keys(DOCS_EXAMPLES).sort()).toEqual(wired.map((op) => op.name).sort());
  });

  for (const op of wired) {
    for (const [i, example] of (DOCS_EXAMPLES[op.name] ?? []).entries()) {
      it(`${op.name} #${i + 1} (${op.wire}): ${example.source}`, async () => {
        const seen = mockApi(() => example.body as never);
        const result = await callOf(op.name, op.package, lava)();
        if (result.isErr()) throw new Error(`${result.error.kind}: ${result.error.message}`);
        // Every documented and undocumented field reaches the caller (absent ones may read as null).
        expect(result.value).toMatchObject(example.body as object);
        const [method, template = ''] = op.wire.split(' ');
        const path = new RegExp(`^/v1${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
        expect(seen.map((s) => s.method)).toEqual([method]);
        expect(seen[0]?.path).toMatch(path);
      });
    }
  }

  it('reads an absent reference_id and metadata (an older reference page) as null', async () => {
    mockApi(() => DOCS_EXAMPLES.retrieveCustomer?.[1]?.body as never);
    const customer = (await retrieveCustomer(lava, 'con_1'))._unsafeUnwrap();
    expect(customer).toMatchObject({ reference_id: null, metadata: null });
  });
});
