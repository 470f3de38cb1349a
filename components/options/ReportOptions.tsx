import { useState } from 'react';
import { DAY_END, dayEndLabel } from '@/lib/rank/day';
import type { Settings } from '@/lib/settings/shape';
import { LANGUAGE_NAMES, REPORT_LANGUAGES, type ReportLanguage } from '@/lib/analysis/sections';
import { localZone } from '../hooks/useReport';

/** What a report counts and when its day ends. */
export function ReportOptions({ settings, update }: { settings: Settings; update: (p: Partial<Settings>) => Promise<void> }) {
  const [dayEnds, setDayEnds] = useState(settings.dayEnds);
  const [error, setError] = useState<string | null>(null);
  // Applied on blur or Enter: a half-typed time is never saved.
  const apply = async () => {
    if (!DAY_END.test(dayEnds)) return setError(`"${dayEnds}" is not a time of day: write it as HH:MM, like 00:00 or 10:30.`);
    setError(null);
    if (dayEnds !== settings.dayEnds) await update({ dayEnds });
  };
  return (
    <section className="options-section" aria-labelledby="reports-h">
      <h2 id="reports-h">Reports</h2>
      <label>
        A report day ends at{' '}
        <input type="time" value={dayEnds} onChange={(e) => setDayEnds(e.target.value)} onBlur={() => void apply()} onKeyDown={(e) => e.key === 'Enter' && void apply()} data-testid="day-ends" />{' '}
        <span className="muted">({dayEndLabel(settings.dayEnds, localZone(), Date.now())}, your time zone)</span>
      </label>
      <p className="muted">
        The report for a past date is made at the end of its day: at midnight, the whole date; at another time, like 10:30, that morning (as the published series ran around 10–11 UTC).
      </p>
      {error && <p className="status error" role="alert">{error}</p>}
      <label className="switch">
        <input type="checkbox" checked={settings.hideMemes} onChange={(e) => void update({ hideMemes: e.target.checked })} data-testid="hide-memes" />
        Leave meme, shitpost and humour flairs out of the trend tables (the published series keeps them)
      </label>
      <p>
        <label>
          Report language{' '}
          <select value={settings.reportLanguage} onChange={(e) => void update({ reportLanguage: e.target.value as ReportLanguage })} data-testid="report-language">
            {REPORT_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      </p>
      <p className="muted">
        The Markdown export and the analysis are written in it; the tables keep the series&apos; English columns in both. Chrome&apos;s built-in model writes only English, German, Spanish, French and
        Japanese: for Chinese the analysis is written by WebLLM where your GPU can run it, else by the offline analyser.
      </p>
    </section>
  );
}
