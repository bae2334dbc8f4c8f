import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const index = fileURLToPath(new URL('../src/index.ts', import.meta.url));

async function bundle(names: string): Promise<string> {
  const result = await build({
    stdin: { contents: `export { ${names} } from ${JSON.stringify(index)};`, resolveDir: process.cwd() },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    external: ['@lava-sdk/core', 'neverthrow', 'valibot'],
  });
  return result.outputFiles[0]!.text;
}

// Each function sits in its own module and the package is side-effect free, so an edge handler that
// only verifies signatures ships none of the management code, and vice versa.
describe('tree-shaking', () => {
  it('verifyWebhookSignature pulls neither the CRUD nor the event schemas', async () => {
    const code = await bundle('verifyWebhookSignature');
    expect(code).toContain('importKey');
    expect(code).not.toMatch(/webhook_id|request\(|customer\.created|looseObject/);
  });

  it('listWebhooks pulls no signature code', async () => {
    const code = await bundle('listWebhooks');
    expect(code).toContain('webhook_id');
    expect(code).not.toMatch(/importKey|timingSafeEqual|customer\.created/);
  });
});
