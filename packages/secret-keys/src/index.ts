export { CreatedSecretKey, CreateSecretKeyParams, createSecretKey } from './createSecretKey';
export { deleteSecretKey } from './deleteSecretKey';
export { ListSecretKeysParams, listSecretKeys, SecretKeyList } from './listSecretKeys';
export { SecretKey } from './SecretKey';
