// size-limit budgets, checked in CI by `pnpm size`: esbuild, minified ESM, gzip. Browser entries are bundled
// from the sources (tsconfig paths); the Node entry from the built packages, as an app installs them.
import { fileURLToPath } from 'node:url';

const installed = fileURLToPath(new URL('packages/lava/node_modules', import.meta.url));

export default [
  {
    name: 'generateForwardToken alone (browser, minified, gzip)',
    path: 'bench/size/gatewayForwardTokenBare.js',
    limit: '560 B',
    gzip: true,
  },
  {
    name: 'createLava + generateForwardToken (browser, minified, gzip; issue target 600 B, see README)',
    path: 'bench/size/forwardToken.js',
    limit: '884 B',
    gzip: true,
  },
  {
    name: 'createLava + retrieveCustomer (browser, minified, gzip; issue 15 target 6.5 kB, see README)',
    path: 'bench/size/retrieveCustomer.js',
    limit: '8984 B',
    gzip: true,
  },
  {
    name: 'createLava + retrieveCustomer bundled for Node (esbuild --platform=node, from dist, minified, gzip; issue 15 target 7 kB)',
    path: 'bench/size/retrieveCustomer.js',
    limit: '10296 B',
    gzip: true,
    modifyEsbuildConfig: (config) => ({
      ...config,
      platform: 'node',
      format: 'esm',
      tsconfigRaw: '{}',
      nodePaths: [installed],
    }),
  },
  {
    name: 'createLava + gateway() (browser, minified, gzip; issue 15 target 6.5 kB, see README)',
    path: 'bench/size/gateway.js',
    limit: '8256 B',
    gzip: true,
  },
  {
    name: 'createLava + gatewayFetch (browser, minified, gzip)',
    path: 'bench/size/gatewayFetch.js',
    limit: '2980 B',
    gzip: true,
  },
  {
    name: 'createLava + createUsageReporter (browser, minified, gzip)',
    path: 'bench/size/usageReporter.js',
    limit: '10892 B',
    gzip: true,
  },
  {
    name: 'the whole SDK, every browser-capable package (browser, minified, gzip)',
    path: 'bench/size/all.js',
    limit: '24970 B',
    gzip: true,
  },
];
