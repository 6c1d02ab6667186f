/**
 * The module loaded when searching starts: the session and the result card (defined here, so a
 * page that never searches never loads it).
 */
import { HzdResultCard } from '../result-card/result-card.js';
import { SearchSession } from './search-session.js';

if (!customElements.get('hzd-result-card')) customElements.define('hzd-result-card', HzdResultCard);

export { SearchSession };
export type SessionModule = { SearchSession: typeof SearchSession };
