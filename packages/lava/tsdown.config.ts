import { packageConfig } from '../../tsdown.shared';

// For runtimes, lava-sdk is one file holding every resource package (and one copy of the valibot they
// use): requiring 19 packages, each with its own valibot functions, made most of its cold start. Core
// stays a dependency (its `#platform` import is resolved in its own package.json), and auth too (Node
// and other runtimes resolve it to different entries).
export default packageConfig({ platform: 'node' }, { inline: [/^@lava-sdk\/(?!core|auth)/] });
