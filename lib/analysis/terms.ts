/** Topic terms of post titles: lowercase words and model names ("llama.cpp", "qwen3.5"), no stopwords. */

const STOP = new Set(
  ('a an and are as at be been but by can could did do does for from had has have how i if in into is it its just like me my no not of on or our ' +
    'out so than that the their them then there these they this to too up us was we what when where which who why will with would you your ' +
    'about after all also am any anyone anything back because being best better both each even every first get getting got here its ive ' +
    'know let lot made make many more most much need new now one only other over really same should since some still such take thing things ' +
    'think through time today use used using very via want way well were while work year years dont doesnt cant isnt im youre thats whats ' +
    'vs yet ever never again already less least mine new old post posts reddit question help thoughts anybody someone something ' +
    'de la el en que los las del por para con una un es se').split(' '),
);

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}.+#_-]*[\p{L}\p{N}+#]|[\p{L}\p{N}]/gu;

export function terms(text: string): string[] {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().replace(/’/g, "'").replace(/'s\b/g, '').match(TOKEN) ?? []) {
    const t = raw.replace(/^[.-]+|[.-]+$/g, '');
    if (t.length < 3 && !/\d/.test(t)) continue;
    // A topic has a letter: "3.5" or "3090" alone says nothing.
    if (!/\p{L}/u.test(t) || STOP.has(t.replace(/'/g, ''))) continue;
    out.add(t);
  }
  return [...out];
}

/** In how many of the texts each term appears. */
export function documentFrequency(texts: string[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const t of texts) for (const term of terms(t)) df.set(term, (df.get(term) ?? 0) + 1);
  return df;
}

export const byCountThenName = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

export function topTerms(texts: string[], n: number, minCount = 2): [string, number][] {
  return [...documentFrequency(texts)].filter(([, c]) => c >= minCount).sort(byCountThenName).slice(0, n);
}

/**
 * Terms more frequent in `recent` than in `before`, per post: at least `minCount` recent posts, and a
 * share at least twice the earlier one (smoothed, so a term absent before still needs evidence now).
 */
export function risingTerms(recent: string[], before: string[], n: number, minCount = 2): { term: string; now: number; before: number }[] {
  const now = documentFrequency(recent);
  const then = documentFrequency(before);
  const out: { term: string; now: number; before: number; lift: number }[] = [];
  for (const [term, c] of now) {
    if (c < minCount) continue;
    const b = then.get(term) ?? 0;
    const lift = c / Math.max(recent.length, 1) / ((b + 1) / (before.length + 1));
    if (lift >= 2) out.push({ term, now: c, before: b, lift });
  }
  return out
    .sort((x, y) => y.now - x.now || y.lift - x.lift || (x.term < y.term ? -1 : 1))
    .slice(0, n)
    .map(({ term, now: c, before: b }) => ({ term, now: c, before: b }));
}
