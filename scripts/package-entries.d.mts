/** Every source module a package builds as an entry (`src/<name>.ts`), from its package.json. */
export function buildEntries(pkg: object): string[];
/** The package.json fields (main, module, types, exports, imports) that follow from its entry names. */
export function entryFields(pkg: object): Record<string, unknown>;
