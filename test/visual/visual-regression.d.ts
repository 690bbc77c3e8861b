// The package's index.d.ts re-exports './browser/commands.mjs', whose types sit in commands.d.ts (not
// .d.mts), so TypeScript finds no visualDiff there; this says what its browser module exports.
export {};

declare module '@web/test-runner-visual-regression' {
  /** Takes a picture of `element` and compares it with the baseline `name` (or writes it, when updating). */
  export function visualDiff(element: Node, name: string): Promise<void>;
}
