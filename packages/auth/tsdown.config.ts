import { packageConfig } from '../../tsdown.shared';

// Entries from package.json: index for Node (the `node` export condition), edge for every other runtime
// (no node:* imports), and the lava-login bin.
export default packageConfig({ platform: 'node' });
