/**
 * Entry of the script-tag builds (dist/hzd-search.js and dist/hzd-search.iife.js): defines the
 * elements. The build inlines the default index, which src/default-index.ts imports lazily, so
 * one file is all a webmaster copies.
 */
import './index.js';
