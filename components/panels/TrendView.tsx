import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { TrendReport } from '@/lib/rank/types';
import { TrendTable } from '../ui/TrendTable';

const TABS = [
  { key: 'today', label: 'Today' },
  { key: 'rising', label: 'Rising' },
  { key: 'weekly', label: 'Week' },
  { key: 'monthly', label: 'Month' },
  { key: 'communities', label: 'Communities' },
  { key: 'analysis', label: 'Analysis' },
] as const;
type Tab = (typeof TABS)[number]['key'];
type TableTab = Exclude<Tab, 'analysis'>;

const EMPTY: Record<TableTab, string> = {
  today: 'No post of a tracked community from the last 24 hours has more than 10 comments yet.',
  rising: 'Nothing is rising yet: a post needs two sightings with a gain in the last 24 hours. Revisit a feed later to see it move.',
  weekly: 'No post of a tracked community from the last 7 days has been captured.',
  monthly: 'No post of a tracked community from the last 30 days has been captured.',
  communities: 'No community has a post with more than 10 comments in the last 24 hours.',
};

/** The five trend tables as keyboard-usable tabs (arrow keys move between tabs). */
export function TrendView({ report, analysis }: { report: TrendReport; analysis?: ReactNode }) {
  const tabs = analysis ? TABS : TABS.filter((t) => t.key !== 'analysis');
  const [tab, setTab] = useState<Tab>('today');
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent, i: number) => {
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
    if (next == null) return;
    e.preventDefault();
    const j = (next + tabs.length) % tabs.length;
    setTab(tabs[j]!.key);
    refs.current[j]?.focus();
  };
  const count = (t: Tab) => (t === 'analysis' ? null : t === 'communities' ? report.communities.length : report[t].length);

  return (
    <section className="trends">
      <div role="tablist" aria-label="Trend tables" className="tabs">
        {tabs.map((t, i) => (
          <button
            key={t.key}
            ref={(el) => {
              refs.current[i] = el;
            }}
            role="tab"
            id={`tab-${t.key}`}
            aria-selected={tab === t.key}
            aria-controls={`panel-${t.key}`}
            tabIndex={tab === t.key ? 0 : -1}
            onClick={() => setTab(t.key)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t.label} {count(t.key) != null && <span className="count">{count(t.key)}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="panel" tabIndex={0}>
        {tab === 'analysis' ? (
          analysis
        ) : count(tab) === 0 ? (
          <p className="empty">{EMPTY[tab]}</p>
        ) : tab === 'communities' ? (
          report.communities.map((c) => (
            <div key={c.name} className="community">
              <h3>r/{c.name}</h3>
              <TrendTable rows={c.rows} community={false} label={`Top posts of r/${c.name}`} />
            </div>
          ))
        ) : (
          <TrendTable rows={report[tab]} ranked={tab === 'weekly' || tab === 'monthly'} rising={tab === 'rising'} label={`${TABS.find((t) => t.key === tab)!.label} table`} />
        )}
      </div>
    </section>
  );
}
