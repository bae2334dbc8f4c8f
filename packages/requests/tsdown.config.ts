import { packageConfig } from '../../tsdown.shared';

// `node` is the Node-only subpath export (fileStore); the main entry stays edge-safe.
export default packageConfig({ entry: ['src/index.ts', 'src/node.ts'] });
