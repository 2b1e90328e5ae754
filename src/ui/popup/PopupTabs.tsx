// The popup's two tabs, "This page" and "Library": an ARIA tab list (arrow keys, Home and End move and select) whose
// panels each scroll on their own inside the popup's fixed height; the reader's last choice is kept for the next popup.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';

export type PopupTabName = 'page' | 'library';

const TAB_ORDER: readonly PopupTabName[] = ['page', 'library'];
/** localStorage (not browser.storage): read synchronously, so the popup opens on the right tab without a flash. */
const REMEMBERED_TAB = 'paperscope.popupTab';

export function rememberedTab(): PopupTabName {
  try {
    return globalThis.localStorage?.getItem(REMEMBERED_TAB) === 'library' ? 'library' : 'page';
  } catch {
    return 'page'; // storage refused (a locked-down profile): the page's tab
  }
}

export function rememberTab(tab: PopupTabName): void {
  try {
    globalThis.localStorage?.setItem(REMEMBERED_TAB, tab);
  } catch {
    // Not kept: the next popup opens on the page's tab.
  }
}

export interface PopupTabsProps {
  active: PopupTabName;
  onSelect: (tab: PopupTabName) => void;
  /** Each tab's label (its name and count chips) and its panel's content. */
  labels: Record<PopupTabName, ComponentChildren>;
  panels: Record<PopupTabName, ComponentChildren>;
  /** Between the tab list and the panels (error notes). */
  between?: ComponentChildren;
}

export function PopupTabs({ active, onSelect, labels, panels, between }: PopupTabsProps) {
  const baseId = useId();
  const tabId = (tab: PopupTabName) => `${baseId}-tab-${tab}`;
  const panelId = (tab: PopupTabName) => `${baseId}-panel-${tab}`;

  const onKeyDown = (event: KeyboardEvent) => {
    const at = TAB_ORDER.indexOf(active);
    const next =
      event.key === 'ArrowRight'
        ? TAB_ORDER[(at + 1) % TAB_ORDER.length]
        : event.key === 'ArrowLeft'
          ? TAB_ORDER[(at - 1 + TAB_ORDER.length) % TAB_ORDER.length]
          : event.key === 'Home'
            ? TAB_ORDER[0]
            : event.key === 'End'
              ? TAB_ORDER[TAB_ORDER.length - 1]
              : undefined;
    if (!next || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    onSelect(next);
    document.getElementById(tabId(next))?.focus();
  };

  return (
    <>
      <div class="tabs" role="tablist" aria-label={t('popupTabsLabel')} onKeyDown={onKeyDown}>
        {TAB_ORDER.map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            class="tab"
            id={tabId(tab)}
            data-tab={tab}
            aria-selected={tab === active}
            aria-controls={panelId(tab)}
            tabIndex={tab === active ? 0 : -1}
            onClick={() => onSelect(tab)}
          >
            {labels[tab]}
          </button>
        ))}
      </div>
      {between}
      {TAB_ORDER.map((tab) => (
        // Both panels stay drawn (hidden when not chosen): a selection, a filter or a note being typed survives a switch.
        <div key={tab} class="tab-panel" role="tabpanel" id={panelId(tab)} data-panel={tab} aria-labelledby={tabId(tab)} hidden={tab !== active}>
          {panels[tab]}
        </div>
      ))}
    </>
  );
}
