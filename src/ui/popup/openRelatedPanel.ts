// Opens the related-work panel from the popup's click handler: browsers only allow it during the user's gesture.
import browser from 'webextension-polyfill';

interface ChromeSidePanel {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
}
interface FirefoxSidebar {
  open(): Promise<void>;
}

/**
 * Must be called synchronously inside a click handler, before any await (Firefox opens its sidebar only while it handles
 * the user's input). Resolves to the browser's reason when the panel did not open, undefined when it did.
 */
export function openRelatedPanel(windowId: number | undefined): Promise<string | undefined> {
  const failed = (error: unknown) => (error instanceof Error ? error.message : String(error));
  try {
    const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
    if (chromeSidePanel) {
      if (windowId === undefined) return Promise.resolve('no browser window');
      return chromeSidePanel.open({ windowId }).then(() => undefined, failed);
    }
    const firefoxSidebar = (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;
    // A browser with neither panel (not one we ship for): nothing to open, nothing to report.
    if (!firefoxSidebar) return Promise.resolve(undefined);
    return firefoxSidebar.open().then(() => undefined, failed);
  } catch (error) {
    return Promise.resolve(failed(error));
  }
}
