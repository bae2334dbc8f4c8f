// The state's record types, where they were before the model took them (src/model/state.ts): a module
// outside this package's tests (packages/gateway/test/clients) still imports them from here.
export type * from './model/state';
