// Types of scripts/docs.mjs, for test/docs.test.ts.
import type { Operation } from '@lava-sdk/core/internal';

export declare const MIGRATION: URL;
export declare const ALL_BUNDLE: URL;
export declare function migrationTables(operations: readonly Operation[]): string;
export declare function migrationDocument(current: string, operations: readonly Operation[]): string;
export declare function allBundle(operations: readonly Operation[]): string;
