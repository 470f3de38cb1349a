/**
 * The popup's first paint, before React and Dexie load: today's table as the background last stored it
 * (when useReport would trust it, lib/storage/first-paint.ts), drawn as the Today tab with plain DOM calls. Text goes in as text
 * nodes, never HTML. The page removes it once React shows its own (Popup.tsx); it is hidden from
 * assistive technology meanwhile (the live page follows within a fraction of a second).
 */
import { readFirstPaint } from '../hooks/firstPaint';
import { COLUMN_LABELS, TABLE, TABLES } from '@/lib/rank/tables';
import type { TrendRow } from '@/lib/rank/types';
import { compactNumber, postUrl, postedText, shortPosted } from '../ui/format';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v != null) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function cell(column: (typeof TABLE.today.columns)[number], r: TrendRow): HTMLTableCellElement {
  switch (column) {
    case 'title': {
      const pill = r.sample ? [el('span', { class: 'pill' }, 'sample')] : [];
      const link = el('a', { href: postUrl(r), target: '_blank', rel: 'noreferrer', title: r.title }, r.title);
      return el('td', { class: 'title' }, el('div', { class: 'clamp' }, ...pill, link));
    }
    case 'subreddit':
      return el('td', {}, `r/${r.subreddit}`);
    case 'score':
      return el('td', { class: 'num', title: `${r.score.toLocaleString('en')} points` }, compactNumber(r.score));
    case 'comments':
      return el('td', { class: 'num', title: `${r.comments.toLocaleString('en')} comments` }, compactNumber(r.comments));
    case 'flair':
      return el('td', {}, r.flair ?? 'General');
    case 'createdAt':
      return el('td', { class: 'nowrap', title: postedText(r.createdAt) }, shortPosted(r.createdAt));
    default:
      return el('td');
  }
}

/** Paints today's stored report into `host` if it may be shown; resolves whether it painted. */
export async function paintFirst(host: HTMLElement): Promise<boolean> {
  const report = await readFirstPaint();
  // Nothing trusted, or the live page came first (it removed the host): the live page is all there is.
  if (!report || !host.isConnected || report.today.length === 0) return false;
  const count = (key: (typeof TABLES)[number]['key']) => report.counts[key];
  const tabs = TABLES.map((t) => el('span', { class: t.key === 'today' ? 'tab on' : 'tab' }, `${t.label} `, el('span', { class: 'count' }, String(count(t.key)))));
  const columns = TABLE.today.columns;
  const head = el('tr', {}, ...columns.map((c) => el('th', { class: `col-${c}` }, c === 'createdAt' ? `${COLUMN_LABELS[c]} (UTC)` : COLUMN_LABELS[c])), el('th', { class: 'col-trend' }, 'Trend'));
  const rows = report.today.map((r) => el('tr', { 'data-post-id': r.id }, ...columns.map((c) => cell(c, r)), el('td')));
  host.append(
    el(
      'main',
      { class: 'popup' },
      el('header', { class: 'bar' }, el('h1', {}, 'Reddit Trend Radar'), el('span', { class: 'muted' }, `Report for ${report.date}`)),
      el('div', { class: 'tabs' }, ...tabs),
      el('div', { class: 'panel' }, el('table', { class: 'trend', 'aria-label': 'Today table' }, el('thead', {}, head), el('tbody', {}, ...rows))),
    ),
  );
  // The frame that shows it, for npm run bench.
  requestAnimationFrame(() => performance.mark('first-table'));
  return true;
}
