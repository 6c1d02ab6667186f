/**
 * The size budget of the script-tag bundle, gzip level 9, without the bundled index (the index
 * is content and grows with the site; the budget is about the code a page pays for).
 *
 * The target is 16 kB. It is not met, and cannot be with these dependencies: Lit alone
 * is about 5.8 kB and MiniSearch about 5.9 kB gzipped, before the German analysis, both
 * components and their styles. 30 kB keeps growth in check until the target is revisited.
 */
export const SCRIPT_TAG_BUDGET_BYTES = 30 * 1024;
