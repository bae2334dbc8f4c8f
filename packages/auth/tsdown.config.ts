import { packageConfig } from '../../tsdown.shared';

// index: Node (the `node` export condition); edge: every other runtime (no node:* imports).
export default packageConfig({ entry: ['src/index.ts', 'src/edge.ts', 'src/cli.ts'], platform: 'node' });
