// The options page names the installed catalogue as a person would say it: never its hash or a machine-made file name.
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('./i18nStub.ts')).i18nStub } }));
const { catalogueName, titleOfFile } = await import('../../src/ui/options/catalogueName.ts');

describe('catalogueName', () => {
  it('calls the bundled catalogue so, whatever its seed file is called', () => {
    expect(catalogueName({ origin: 'bundled', source: '000_1385b71a8e51c958.txt' })).toBe('Bundled catalogue');
  });

  it("names an imported catalogue by its file's title, without folder, extension or separators", () => {
    expect(catalogueName({ origin: 'imported', source: 'cs_papers-2024-01.jsonl' })).toBe('cs papers 2024-01');
    expect(catalogueName({ origin: 'imported', source: 'C:\\exports\\My library.bib' })).toBe('My library');
    expect(catalogueName({ origin: 'imported', source: 'arxiv-metadata-oai-snapshot.json.gz' })).toBe('arxiv metadata oai snapshot');
  });

  it('names each file of a merge, the bundled seed as the bundled catalogue', () => {
    expect(catalogueName({ origin: 'imported', source: '000_1385b71a8e51c958.txt + reading list.bib' })).toBe('Bundled catalogue + reading list');
  });

  it('says "Imported catalogue" when no file name says anything to a person', () => {
    expect(catalogueName({ origin: 'imported', source: '9c719308eb203ddd.psc' })).toBe('Imported catalogue');
    expect(catalogueName({ origin: 'imported', source: '' })).toBe('Imported catalogue');
    expect(titleOfFile('.psc')).toBeUndefined();
  });
});
