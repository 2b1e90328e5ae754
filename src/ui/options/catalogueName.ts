// What the options page calls the installed catalogue: the way a person would say it, not its hash or file name.
import type { CatalogueInfo } from '../../messaging/shapes.ts';
import { t } from '../../shared/i18n.ts';

/** A file name that says nothing to a person: digits, underscores and a long hex run ("000_1385b71a8e51c958.txt"). */
const MACHINE_NAME = /^[\d_-]*[0-9a-f]{8,}$/i;

/**
 * "cs papers 2024" from "cs_papers-2024.jsonl": the file's own name without its folder, extension and separators.
 * Undefined for a name made by a machine (the bundled seed file's), which a person would not recognise.
 */
export function titleOfFile(fileName: string): string | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/(\.[a-z0-9]{1,8})+$/i, '');
  if (MACHINE_NAME.test(stem)) return undefined;
  const words = stem.replace(/[_\s]+|(?<=\D)-|-(?=\D)/g, ' ').trim();
  return words || undefined;
}

/**
 * The catalogue's name: "Bundled catalogue", or the imported files' titles ("cs papers 2024 + my library"; a merge
 * names each of its files, the bundled one as "Bundled catalogue"), or "Imported catalogue" when no file name says more.
 */
export function catalogueName(info: Pick<CatalogueInfo, 'origin' | 'source'>): string {
  if (info.origin === 'bundled') return t('optionsCatalogueBundledName');
  const parts = info.source
    .split(' + ')
    .map((file) => titleOfFile(file) ?? t('optionsCatalogueBundledName'))
    .filter((name, i, all) => all.indexOf(name) === i);
  const named = parts.filter((name) => name !== t('optionsCatalogueBundledName'));
  return named.length > 0 ? parts.join(' + ') : t('optionsCatalogueImportedName');
}
