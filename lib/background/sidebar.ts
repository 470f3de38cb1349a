/** The sidebar: Chrome's side panel, Firefox's sidebar_action; its context menu item and shortcut. */
import { browser } from 'wxt/browser';
import { REDDIT_MATCHES } from '../reddit/urls';

export const MENU_SIDEBAR = 'open-sidebar';
export const COMMAND_SIDEBAR = 'open-sidebar';

/** Opens the sidebar for a tab; must run in response to the user's action (a menu click, a shortcut). */
export function openSidebar(tab: { id?: number; windowId?: number } | undefined): void {
  if (import.meta.env.FIREFOX) {
    void (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
    return;
  }
  const panel = (browser as unknown as { sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> } }).sidePanel;
  if (tab?.id != null) void panel?.open({ tabId: tab.id });
  else if (tab?.windowId != null) void panel?.open({ windowId: tab.windowId });
}

export function setUpSidebar(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_SIDEBAR,
      title: 'Open Reddit Trend Radar sidebar',
      contexts: ['page', 'link'],
      documentUrlPatterns: REDDIT_MATCHES,
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_SIDEBAR) openSidebar(tab);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === COMMAND_SIDEBAR) openSidebar(tab);
  });
}

