/**
 * Entry of the script-tag builds (dist/hzd-search.js and dist/hzd-search.iife.js): the
 * components and the loader, nothing else. The engine and the cooperation index are files next
 * to the script (hzd-search.worker.js, hzd-kooperationen.index.json), fetched on first focus.
 */
import './define.js';
