import type { Insight, NameStat } from '@/lib/analysis/insight';
import { MentionBars } from './MentionBars';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const WORD = /[\p{L}\p{N}]+/gu;
// Apart from WORD: matchAll copies a pattern's lastIndex, so an exec of WORD would make it skip a text's start.
const FIRST_WORD = /[\p{L}\p{N}]+/u;
const standsAlone = (text: string, at: number, length: number) =>
  !LETTER_OR_DIGIT.test(text[at - 1] ?? ' ') && !LETTER_OR_DIGIT.test(text[at + length] ?? ' ');

interface Indexed {
  name: NameStat;
  /** The label, lowercase, and where its first word starts in it. */
  label: string;
  offset: number;
}

/**
 * The names of an insight by their first word (lowercase), made once per insight: finding the names of a
 * text is then one pass over its words, whatever the number of names (15,000 once froze the report page
 * 9 s when each name was looked for in each section). No pattern is built from a name.
 */
const indexes = new WeakMap<Insight, Map<string, Indexed[]>>();
function indexOf(insight: Insight): Map<string, Indexed[]> {
  let index = indexes.get(insight);
  if (index) return index;
  index = new Map();
  for (const name of Object.values(insight.names)) {
    if (!name.label || name.daily.every((n) => n === 0)) continue;
    const label = name.label.toLowerCase();
    const first = FIRST_WORD.exec(label);
    if (!first) continue;
    const entry = { name, label, offset: first.index };
    const list = index.get(first[0]);
    if (list) list.push(entry);
    else index.set(first[0], [entry]);
  }
  indexes.set(insight, index);
  return index;
}

/** The names of `insight` that `text` mentions (as whole words), in the order the text first names them. */
export function namesIn(text: string, insight: Insight, limit = 5): NameStat[] {
  const index = indexOf(insight);
  const lower = text.toLowerCase();
  const found: { at: number; name: NameStat }[] = [];
  const seen = new Set<string>();
  for (const m of lower.matchAll(WORD)) {
    const candidates = index.get(m[0]);
    if (!candidates) continue;
    for (const c of candidates) {
      const at = m.index - c.offset;
      if (seen.has(c.name.key) || at < 0 || !lower.startsWith(c.label, at) || !standsAlone(lower, at, c.label.length)) continue;
      seen.add(c.name.key);
      found.push({ at, name: c.name });
    }
  }
  // A longer name found at the same place wins over a shorter one inside it ("Nano Banana Pro", "Nano Banana").
  found.sort((a, b) => a.at - b.at || b.name.label.length - a.name.label.length);
  const shown: NameStat[] = [];
  let end = -1;
  for (const f of found) {
    if (f.at < end) continue;
    shown.push(f.name);
    end = f.at + f.name.label.length;
    if (shown.length === limit) break;
  }
  return shown;
}

/** Under a piece of analysis: each name it mentions with its posts a day over the last 30 days. */
export function NameCharts({ text, insight }: { text: string; insight: Insight }) {
  const names = namesIn(text, insight);
  if (!names.length) return null;
  return (
    <ul className="name-charts" aria-label="Mentions over the last 30 days">
      {names.map((n) => (
        <li key={n.key} title={`${n.label}: posts a day, last 30 days`}>
          <span>{n.label}</span> <MentionBars daily={n.daily} label={n.label} />
        </li>
      ))}
    </ul>
  );
}
