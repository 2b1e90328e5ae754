// The first-run page's words: sites' hosts in short, and the shortcuts as the browser has them.
import { describe, expect, it, vi } from 'vitest';

const commands = [
  { name: '_execute_action', description: '', shortcut: '' },
  { name: 'save-current-paper', description: "Save this tab's paper", shortcut: 'Alt+Shift+S' },
];
vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('./i18nStub.ts')).i18nStub, commands: { getAll: async () => commands } } }));
const { hostsInShort, readShortcuts } = await import('../../src/ui/welcome/Welcome.tsx');

describe('the first-run page', () => {
  it('shows a few hosts per site, without www., each once', () => {
    expect(hostsInShort(['arxiv.org', 'www.arxiv.org'])).toBe('arxiv.org');
    expect(hostsInShort(['www.biorxiv.org', 'www.medrxiv.org', 'biorxiv.org', 'medrxiv.org'])).toBe('biorxiv.org, medrxiv.org');
    expect(hostsInShort(['scholar.google.com', 'scholar.google.co.uk', 'scholar.google.ca', 'scholar.google.de'])).toBe('scholar.google.com, scholar.google.co.uk and 2 more');
  });

  it("reads the shortcuts from the browser, naming the popup's command in words", async () => {
    expect(await readShortcuts()).toEqual([
      { name: '_execute_action', description: 'Open the Paperscope popup', keys: '' },
      { name: 'save-current-paper', description: "Save this tab's paper", keys: 'Alt+Shift+S' },
    ]);
  });
});
