import { packageConfig } from '../../tsdown.shared';

// `#platform` stays an import, resolved by package.json `imports` where the SDK is installed: node:http in
// Node, fetch everywhere else.
export default packageConfig({ deps: { neverBundle: ['#platform'] } });
