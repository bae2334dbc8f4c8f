// @lava-sdk/requests/node: what needs Node (node:fs). Everything else is in the edge-safe main entry.
export { type FileStore, type FileStoreOptions, fileStore } from './fileStore';
