// Loads the registry of operations (packages/core/src/operations.ts) into a plain Node script.
import { build } from 'esbuild';

const ROOT = new URL('../', import.meta.url).pathname;

/** OPERATIONS from the core sources, compiled on the fly (the registry is data only, no imports). */
export async function loadOperations() {
  const result = await build({
    entryPoints: [`${ROOT}packages/core/src/operations.ts`],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const code = Buffer.from(result.outputFiles[0].contents).toString('base64');
  return (await import(`data:text/javascript;base64,${code}`)).OPERATIONS;
}
