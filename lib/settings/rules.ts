/**
 * Every setting's bounds, declared once (issue 22, item 5: a 2-million-character mirror address was
 * accepted and slowed every page capture 3×). A mapped type makes a setting without its rule a compile
 * error. lib/storage/settings.ts refuses a write that breaks one, with the rule in words; nothing is
 * written then.
 */
import { isCommunityName } from '../reddit/names';
import { DAY_END } from '../rank/day';
import { REPORT_LANGUAGES } from '../analysis/sections';
import { MAX_FOLLOWS, MAX_WATCHES, type Follow, type Settings, type Watch } from './shape';

/** Null when the value keeps its bounds, else what it must be, in words. */
type Check = (v: unknown) => string | null;

const flag: Check = (v) => (typeof v === 'boolean' ? null : 'true or false');
const text = (max: number): Check => (v) => (typeof v === 'string' && v.length <= max ? null : `text of at most ${max.toLocaleString('en')} characters`);
const whole = (min: number, max: number): Check => (v) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? null : `a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}`;
const oneOf = (...values: readonly unknown[]): Check => (v) => (values.includes(v) ? null : `one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
const list = (max: number, item: Check, what: string): Check => (v) => {
  if (!Array.isArray(v) || v.length > max) return `a list of at most ${max.toLocaleString('en')} ${what}`;
  for (const x of v) {
    const bad = item(x);
    if (bad) return `${what}: each ${bad}`;
  }
  return null;
};
const time: Check = (v) => (typeof v === 'string' && (v === '' || DAY_END.test(v)) ? null : 'a time of day written HH:MM (or empty)');
const community: Check = (v) => (typeof v === 'string' && isCommunityName(v) ? null : 'a community name without r/');
const count: Check = (v) => (v === null ? null : whole(0, 1e9)(v));
const moment: Check = (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : 'a time');
/** Ids that are an object's own keys: never a watch's (the watch state keys records by id). */
export const RESERVED_IDS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf']);

/** A record's fields, each by its rule (unknown fields refused). */
function record<T>(rules: { [K in keyof T]-?: Check }, optional: (keyof T)[] = []): Check {
  return (v) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return 'a record';
    const r = v as Record<string, unknown>;
    for (const key of Object.keys(rules) as (keyof T & string)[]) {
      if (r[key] === undefined && optional.includes(key)) continue;
      const bad = rules[key](r[key]);
      if (bad) return `${key}: ${bad}`;
    }
    const extra = Object.keys(r).find((k) => !(k in rules));
    return extra ? `no field "${extra.slice(0, 40)}"` : null;
  };
}

const watch = record<Watch>(
  {
    id: (v) => (typeof v === 'string' && /^[\w-]{1,64}$/.test(v) && !RESERVED_IDS.has(v) ? null : 'an id of 1 to 64 letters, digits, "_" or "-"'),
    query: text(500),
    communities: list(100, community, 'communities'),
    flair: text(200),
    minScore: count,
    minComments: count,
    alerts: flag,
    digest: flag,
    createdAt: moment,
  },
  ['digest'],
);
const follow = record<Follow>({
  postId: (v) => (typeof v === 'string' && /^t3_[a-z0-9]{1,16}$/.test(v) ? null : 'a post id such as "t3_1psbx2q"'),
  title: text(2_000),
  community,
  permalink: text(2_000),
  score: whole(-1e9, 1e9),
  comments: whole(0, 1e8),
  more: whole(1, 1e6),
  createdAt: moment,
});

export const SETTING_RULES: { [K in keyof Settings]-?: Check } = {
  captureEnabled: flag,
  model: text(100),
  modelCeiling: (v) => (v === null ? null : text(100)(v)),
  modelConsent: list(50, text(200), 'model ids'),
  readArticles: flag,
  excluded: list(500, community, 'communities'),
  captureInPrivate: flag,
  keepSightingsDays: whole(1, 3650),
  keepPostsMonths: whole(0, 120),
  feedBadges: flag,
  tracked: list(500, community, 'communities'),
  trackAll: flag,
  autoBackup: flag,
  engine: oneOf('auto', 'chrome', 'webllm'),
  modelMirror: text(2_000),
  dayEnds: (v) => (typeof v === 'string' && DAY_END.test(v) ? null : 'a time of day written HH:MM'),
  hideMemes: flag,
  watches: list(MAX_WATCHES, watch, 'watches'),
  follows: list(MAX_FOLLOWS, follow, 'followed posts'),
  quietFrom: time,
  quietTo: time,
  refreshEnabled: flag,
  refreshMinutes: whole(10, 360),
  reportLanguage: oneOf(...REPORT_LANGUAGES),
};

/** The first setting of `patch` that breaks its bounds, in words ("modelMirror: text of at most 2,000 characters"), or null. */
export function settingsProblem(patch: Partial<Settings>): string | null {
  for (const [key, value] of Object.entries(patch)) {
    const rule = SETTING_RULES[key as keyof Settings];
    if (!rule) return `${key.slice(0, 40)}: no such setting`;
    const bad = rule(value);
    if (bad) return `${key}: expected ${bad}`;
  }
  return null;
}
