// Types of scripts/docs-fill.mjs, for test/docs.test.ts.
export declare const FILLED: string[];
export declare function region(source: string, name: string, where: string): string;
export declare function fill(
  text: string,
  figures: { values: Record<string, string>; tables: Record<string, string> },
  file: string,
): string;
