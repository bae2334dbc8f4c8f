export { CreatedSpendKey } from './CreatedSpendKey';
export { CreateSpendKeyParams, createSpendKey } from './createSpendKey';
export type { RateLimitSetting, RequestLimitSetting, SpendKeySettings, SpendLimitSetting } from './fields';
export { ListSpendKeysParams, listSpendKeys, SpendKeyList } from './listSpendKeys';
export { retrieveSpendKey } from './retrieveSpendKey';
export { revokeSpendKey } from './revokeSpendKey';
export { rotateSpendKey } from './rotateSpendKey';
export {
  type LimitCycle,
  type RateLimit,
  type RequestLimit,
  SpendKey,
  type SpendLimit,
} from './SpendKey';
export { UpdateSpendKeyParams, updateSpendKey } from './updateSpendKey';
