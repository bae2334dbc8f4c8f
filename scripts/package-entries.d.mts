/** Every source module a package builds as an entry (`src/<name>.ts`), from its package.json. */
export function buildEntries(pkg: object): string[];
export function entryNames(pkg: object): string[];
export function importNames(pkg: object): string[];
export function entryFields(pkg: object): Record<string, unknown>;
