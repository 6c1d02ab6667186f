/**
 * The size budget of the script a page loads before any interaction: dist/hzd-search.js and the
 * files it imports statically, gzip level 9. Everything else (what searching needs, the engine,
 * the index) comes on first focus or when the page is idle, and is not in this budget.
 */
export const SCRIPT_BEFORE_INTERACTION_BYTES = 16 * 1024;
