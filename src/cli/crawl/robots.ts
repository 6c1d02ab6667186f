/**
 * robots.txt as RFC 9309 defines it: the groups for our product token (else those for `*`), the
 * longest matching Allow/Disallow rule decides (Allow on a tie), `*` matches any characters and
 * `$` the end. Sitemap lines and a Crawl-delay (not in the RFC, but widely used) are read too.
 */

export interface Robots {
  allows(pathAndQuery: string): boolean;
  sitemaps: string[];
  /** Seconds between requests the site asks for, if any. */
  crawlDelay?: number;
}

interface Rule {
  allow: boolean;
  pattern: string;
  regex: RegExp;
}

export const ALLOW_ALL: Robots = { allows: () => true, sitemaps: [] };
export const DISALLOW_ALL: Robots = { allows: () => false, sitemaps: [] };

function compile(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

/** Paths are compared with their percent-encoding normalised, as the RFC asks. */
function normalizePath(path: string): string {
  try {
    return encodeURI(decodeURI(path));
  } catch {
    return path;
  }
}

export function parseRobots(text: string, productToken: string): Robots {
  const token = productToken.toLowerCase();
  const sitemaps: string[] = [];
  const ours: Rule[] = [];
  const any: Rule[] = [];
  let ourDelay: number | undefined;
  let anyDelay: number | undefined;
  let agents: string[] = [];
  let inRules = false;
  for (const rawLine of text.split(/\r?\n|\r/)) {
    const line = rawLine.replace(/#.*/, '').trim();
    const match = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    const key = match[1]!.toLowerCase();
    const value = match[2]!.trim();
    if (key === 'sitemap') {
      if (value) sitemaps.push(value);
      continue;
    }
    if (key === 'user-agent') {
      // A user-agent line after rules starts a new group.
      if (inRules) agents = [];
      inRules = false;
      agents.push(value.toLowerCase());
      continue;
    }
    inRules = true;
    const forUs = agents.includes(token);
    const forAny = agents.includes('*');
    if (!forUs && !forAny) continue;
    if (key === 'allow' || key === 'disallow') {
      if (!value) continue; // "Disallow:" with nothing allows everything
      const rule = { allow: key === 'allow', pattern: value, regex: compile(normalizePath(value)) };
      (forUs ? ours : any).push(rule);
    } else if (key === 'crawl-delay') {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds >= 0) {
        if (forUs) ourDelay = seconds;
        else anyDelay = seconds;
      }
    }
  }
  // Groups for our token replace those for everyone.
  const usesOwnGroup = ours.length > 0 || ourDelay !== undefined;
  const rules = usesOwnGroup ? ours : any;
  return {
    sitemaps,
    crawlDelay: usesOwnGroup ? ourDelay : anyDelay,
    allows(pathAndQuery) {
      const path = normalizePath(pathAndQuery);
      let best: Rule | undefined;
      for (const rule of rules) {
        if (!rule.regex.test(path)) continue;
        const longer = !best || rule.pattern.length > best.pattern.length;
        const tieAllows = best && rule.pattern.length === best.pattern.length && rule.allow;
        if (longer || tieAllows) best = rule;
      }
      return !best || best.allow;
    },
  };
}
