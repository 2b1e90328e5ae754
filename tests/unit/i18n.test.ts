// The messages file is the one place for the interface's words: every name the code asks for exists, every message
// is non-empty and has a description, and every __MSG_…__ in the manifest resolves.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

const messages = JSON.parse(readFileSync('_locales/en/messages.json', 'utf8')) as Record<string, Message>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('_locales/en/messages.json', () => {
  it('has a non-empty message and a description for every name', () => {
    for (const [name, entry] of Object.entries(messages)) {
      expect(name, name).toMatch(/^[A-Za-z0-9_]+$/);
      expect(entry.message.trim().length, name).toBeGreaterThan(0);
      expect(entry.description?.trim().length ?? 0, `${name} needs a description for translators`).toBeGreaterThan(0);
    }
  });

  it('defines every placeholder a message uses, and uses every placeholder it defines', () => {
    for (const [name, entry] of Object.entries(messages)) {
      const used = new Set([...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase()));
      const defined = new Set(Object.keys(entry.placeholders ?? {}).map((p) => p.toLowerCase()));
      expect([...used].sort(), name).toEqual([...defined].sort());
    }
  });

  it('has every message the code asks for with t(…)', () => {
    const missing: string[] = [];
    for (const file of sourceFiles('src')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) if (!(m[1]! in messages)) missing.push(`${file}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('resolves every __MSG_…__ in the manifest', () => {
    const manifest = readFileSync('manifest.json', 'utf8') + readFileSync('vite.config.ts', 'utf8');
    const names = [...manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(messages, name).toHaveProperty(name);
  });
});
