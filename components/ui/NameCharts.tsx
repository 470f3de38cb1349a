import type { Insight, NameStat } from '@/lib/analysis/insight';
import { MentionBars } from './MentionBars';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const standsAlone = (text: string, at: number, length: number) =>
  !LETTER_OR_DIGIT.test(text[at - 1] ?? ' ') && !LETTER_OR_DIGIT.test(text[at + length] ?? ' ');

/** Where `label` first stands as a whole word in `text` (both lowercase), or -1. No pattern is built from it. */
function wholeWordAt(text: string, label: string): number {
  for (let at = text.indexOf(label); at >= 0; at = text.indexOf(label, at + 1)) if (standsAlone(text, at, label.length)) return at;
  return -1;
}

/** The names of `insight` that `text` mentions (as whole words), in the order the text first names them. */
export function namesIn(text: string, insight: Insight, limit = 5): NameStat[] {
  const found: { at: number; name: NameStat }[] = [];
  const lower = text.toLowerCase();
  for (const name of Object.values(insight.names)) {
    if (!name.label || name.daily.every((n) => n === 0)) continue;
    const at = wholeWordAt(lower, name.label.toLowerCase());
    if (at >= 0) found.push({ at, name });
  }
  // A longer name found at the same place wins over a shorter one inside it ("Nano Banana Pro", "Nano Banana").
  found.sort((a, b) => a.at - b.at || b.name.label.length - a.name.label.length);
  const shown: NameStat[] = [];
  let end = -1;
  for (const f of found) {
    if (f.at < end) continue;
    shown.push(f.name);
    end = f.at + f.name.label.length;
  }
  return shown.slice(0, limit);
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
