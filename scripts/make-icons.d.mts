/** Types for make-icons.mjs (used by test/main/builder-config.test.ts). */
export declare const ICON_SIZES: number[]
export declare function renderIcons(svg: Uint8Array | string, sizes?: number[]): Record<number, Uint8Array>
export declare function writeIcons(root: string, outDir?: string): string[]
