// Opens the related-work panel from the popup's click handler: browsers only allow it during the user's gesture.
import browser from 'webextension-polyfill';

interface ChromeSidePanel {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
}
interface FirefoxSidebar {
  open(): Promise<void>;
}

/** Must be called synchronously inside a click handler (no await before it). Failures are ignored: the pick is stored anyway. */
export function openRelatedPanel(windowId: number | undefined): void {
  try {
    const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
    if (chromeSidePanel) {
      if (windowId !== undefined) chromeSidePanel.open({ windowId }).catch(() => undefined);
      return;
    }
    const firefoxSidebar = (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;
    firefoxSidebar?.open().catch(() => undefined);
  } catch {
    // A browser without either panel API: the user can open the panel by hand.
  }
}
