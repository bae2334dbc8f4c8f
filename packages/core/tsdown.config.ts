import { packageConfig } from '../../tsdown.shared';

// `#platform` stays an import, resolved by package.json `imports` at install time: node:http in Node,
// fetch everywhere else. Both platform modules are built as entries of their own.
export default packageConfig({
  entry: ['src/index.ts', 'src/internal.ts', 'src/platform.ts', 'src/platform.node.ts'],
  deps: { neverBundle: ['#platform'] },
});
