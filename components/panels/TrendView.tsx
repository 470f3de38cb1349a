import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { TrendReport } from '@/lib/rank/types';
import { TABLE, TABLES, tableLabel, type TableKey } from '@/lib/rank/tables';
import { risingEmptyText } from '@/lib/rank/rank';
import { TrendTable } from '../ui/TrendTable';

type Tab = TableKey | 'stories' | 'analysis' | 'watches';

/**
 * The five trend tables as keyboard-usable tabs (arrow keys move between tabs), with the week's stories
 * after Today and the analysis last where the page gives them. On a past date (`pastDate`) the tabs say
 * which day and which week and month they show.
 */
export function TrendView({ report, analysis, stories, pastDate, watches, unseen = 0, whenEmpty }: { report: TrendReport; analysis?: ReactNode; stories?: ReactNode; pastDate?: string | null; watches?: ReactNode; unseen?: number; /** Shown under an empty table's message (the popup offers keeping communities fresh). */ whenEmpty?: ReactNode }) {
  const TABLE_TABS = TABLES.map((t) => ({ key: t.key as Tab, label: tableLabel(t.key, pastDate) }));
  const tabs: readonly { key: Tab; label: string }[] = [
    TABLE_TABS[0]!,
    ...(stories ? [{ key: 'stories' as const, label: 'Stories' }] : []),
    ...TABLE_TABS.slice(1),
    ...(analysis ? [{ key: 'analysis' as const, label: 'Analysis' }] : []),
    ...(watches ? [{ key: 'watches' as const, label: 'Watches' }] : []),
  ];
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
  const count = (t: Tab) => (t === 'watches' ? (unseen || null) : t === 'analysis' || t === 'stories' ? null : t === 'communities' ? report.communities.length : report[t].length);

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
        ) : tab === 'watches' ? (
          watches
        ) : tab === 'stories' ? (
          stories
        ) : count(tab) === 0 ? (
          <>
            <p className="empty">{tab === 'rising' ? risingEmptyText(report.risingWaiting) : TABLE[tab].empty}</p>
            {whenEmpty}
          </>
        ) : tab === 'communities' ? (
          report.communities.map((c) => (
            <div key={c.name} className="community">
              <h3>r/{c.name}</h3>
              <TrendTable rows={c.rows} columns={TABLE.communities.columns} label={`Top posts of r/${c.name}`} />
            </div>
          ))
        ) : (
          <TrendTable rows={report[tab]} columns={TABLE[tab].columns} label={`${tableLabel(tab, pastDate)} table`} />
        )}
      </div>
    </section>
  );
}
