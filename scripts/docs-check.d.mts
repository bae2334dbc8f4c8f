// Types of scripts/docs-check.mjs, for test/docs.test.ts.
export interface Block {
  line: number;
  lang: string;
  flags: string[];
  code: string;
  given?: { code: string; line: number } | undefined;
  include?: string | undefined;
}
export declare const MARKDOWN: string[];
export declare function markdownBlocks(text: string): Block[];
export declare function jsdocExamples(source: string): Block[];
