// The keyboard shortcut "save-current-paper": saves the paper of the active tab's paper page, else the picked paper.
import type { PaperRef } from '../core/paper.ts';
import type { PageScan } from '../messaging/shapes.ts';

export const SAVE_CURRENT_PAPER = 'save-current-paper';

export interface CommandDeps {
  /** What the tab's page shows, as its content script answers. */
  pageScan(tabId: number): Promise<PageScan | undefined>;
  pickedPaper(): Promise<PaperRef | undefined>;
  save(paper: PaperRef): Promise<unknown>;
}

/** The paper the shortcut saves: the one paper of a paper page in `tabId`, else the paper picked for the side panel. */
export async function currentPaper(deps: Pick<CommandDeps, 'pageScan' | 'pickedPaper'>, tabId: number | undefined): Promise<PaperRef | undefined> {
  const scan = tabId === undefined ? undefined : await deps.pageScan(tabId);
  if (scan?.pageKind === 'paper' && scan.papers.length === 1) return scan.papers[0]!.ref;
  return deps.pickedPaper();
}

/** Handles one `commands.onCommand`; answers the paper saved, or undefined when there was nothing to save. */
export async function runCommand(deps: CommandDeps, command: string, tabId: number | undefined): Promise<PaperRef | undefined> {
  if (command !== SAVE_CURRENT_PAPER) return undefined;
  const paper = await currentPaper(deps, tabId);
  if (paper) await deps.save(paper);
  return paper;
}
