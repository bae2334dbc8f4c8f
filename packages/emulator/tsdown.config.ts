import { packageConfig } from '../../tsdown.shared';

export default packageConfig({
  entry: ['src/index.ts', 'src/server.ts', 'src/msw.ts', 'src/cli.ts'],
  platform: 'node',
});
