import { packageConfig } from '../../tsdown.shared';

export default packageConfig();
