/** The pages' door to browser APIs for actions: tabs, the side panel, permissions, downloads. */
import { browser } from 'wxt/browser';

export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Opens the full report page (where the model runs) in a tab. */
export function openReportPage(params: Record<string, string> = {}): void {
  const q = new URLSearchParams(params).toString();
  void browser.tabs.create({ url: browser.runtime.getURL(`/report.html${q ? `?${q}` : ''}`) });
}

export function openOptionsPage(): void {
  void browser.runtime.openOptionsPage();
}

/** Opens the sidebar of the current window (from a click: the browser requires a user action). */
export async function openSidebarFromPage(): Promise<void> {
  if (import.meta.env.FIREFOX) return (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
  const win = await browser.windows.getCurrent();
  await (browser as unknown as { sidePanel: { open(o: { windowId: number }): Promise<void> } }).sidePanel.open({ windowId: win.id! });
}

/** Asks for the optional permission "Read linked articles" needs; true when granted. */
export async function requestArticleAccess(): Promise<boolean> {
  const { ARTICLE_ORIGINS } = await import('@/lib/analysis/articles');
  return browser.permissions.request({ origins: ARTICLE_ORIGINS });
}

export async function dropArticleAccess(): Promise<void> {
  const { ARTICLE_ORIGINS } = await import('@/lib/analysis/articles');
  await browser.permissions.remove({ origins: ARTICLE_ORIGINS });
}

/** Bytes this extension stores (database and model cache together), as the browser counts them. */
export async function storageUsed(): Promise<number | null> {
  const estimate = await navigator.storage?.estimate?.();
  return estimate?.usage ?? null;
}

export const copyText = (text: string) => navigator.clipboard.writeText(text);
export const extensionVersion = () => browser.runtime.getManifest().version;
