// The messages file is the one place for the interface's words: every name the code asks for exists, every message
// is non-empty, has a description and is used, every __MSG_…__ in the manifest resolves, and no words a person reads
// are left as string literals in the pages or the content script.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it, vi } from 'vitest';
import { getMessage, i18nStub } from './i18nStub.ts';

vi.mock('webextension-polyfill', () => ({ default: { i18n: i18nStub } }));
const { t, tCount, tTemplate, tWith } = await import('../../src/shared/i18n.ts');
const { BACKUP_FORMAT, parseBackup } = await import('../../src/db/backup.ts');
const { wordsOf } = await import('../../src/messaging/wordedError.ts');

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

/** Attributes a person reads or hears (tooltips, accessible names, placeholders, option group names, ErrorNote's action). */
const READ_ATTRIBUTES = new Set(['title', 'aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'placeholder', 'alt', 'label', 'action']);
/** DOM properties the content script could write words into. */
const READ_PROPERTIES = new Set(['textContent', 'innerText', 'title', 'placeholder', 'ariaLabel', 'alt']);
const hasLetters = (text: string) => /\p{L}/u.test(text);

type Node = { type: string; start: number; [key: string]: unknown };

/** String literals (and template literal text) an expression can evaluate to directly: `'a'`, `c ? 'a' : 'b'`, `x ?? 'a'`. */
function literalTexts(node: Node | null | undefined): Node[] {
  if (!node) return [];
  if (node.type === 'Literal' && typeof node.value === 'string') return [node];
  if (node.type === 'TemplateLiteral') return (node.quasis as Node[]).filter((q) => hasLetters(String((q.value as { cooked?: string }).cooked ?? ''))).length ? [node] : [];
  if (node.type === 'ConditionalExpression') return [...literalTexts(node.consequent as Node), ...literalTexts(node.alternate as Node)];
  if (node.type === 'LogicalExpression') return [...literalTexts(node.left as Node), ...literalTexts(node.right as Node)];
  if (node.type === 'JSXExpressionContainer' || node.type === 'ParenthesizedExpression' || node.type === 'TSAsExpression') return literalTexts(node.expression as Node);
  return [];
}

const textOf = (node: Node) => (node.type === 'Literal' ? String(node.value) : (node.quasis as Node[]).map((q) => (q.value as { cooked?: string }).cooked ?? '').join('…'));

/** Every place in `source` where words a person reads are written as a literal instead of coming from t(). */
function literalWords(file: string, source: string): string[] {
  const found: string[] = [];
  const at = (node: Node, what: string) => {
    const line = source.slice(0, node.start).split('\n').length;
    found.push(`${file}:${line}: ${what}`);
  };
  const report = (nodes: Node[], where: string) => {
    for (const node of nodes) if (hasLetters(textOf(node))) at(node, `${where} ${JSON.stringify(textOf(node))}`);
  };
  const visit = (node: unknown, inCode: boolean): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n, inCode);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    let code = inCode;
    if (n.type === 'JSXElement') {
      const name = (n.openingElement as { name: { name?: string } }).name.name;
      // Text in <code> is a file name or a command, the same in every language.
      code = inCode || name === 'code';
      for (const child of n.children as Node[]) {
        if (child.type === 'JSXText' && !code && hasLetters(String(child.value))) at(child, `text ${JSON.stringify(String(child.value).trim())}`);
        if (child.type === 'JSXExpressionContainer' && !code) report(literalTexts(child), 'text');
      }
    } else if (n.type === 'JSXAttribute') {
      const name = (n.name as { name?: string }).name ?? '';
      if (READ_ATTRIBUTES.has(name)) report(literalTexts(n.value as Node), `${name}=`);
    } else if (n.type === 'Property' && !(n.computed as boolean)) {
      // Attribute maps written for the DOM: { title: '…', 'aria-label': '…' }.
      const key = n.key as Node;
      const name = key.type === 'Identifier' ? String(key.name) : key.type === 'Literal' ? String(key.value) : '';
      if (READ_ATTRIBUTES.has(name) && !file.endsWith('.tsx')) report(literalTexts(n.value as Node), `${name}:`);
    } else if (n.type === 'CallExpression') {
      const callee = n.callee as Node;
      const args = n.arguments as Node[];
      const method = callee.type === 'MemberExpression' ? String((callee.property as Node).name) : '';
      if (method === 'setAttribute' && args[0]?.type === 'Literal' && READ_ATTRIBUTES.has(String(args[0].value))) report(literalTexts(args[1]), `${String(args[0].value)}=`);
    } else if (n.type === 'NewExpression' && (n.callee as Node).type === 'Identifier' && (n.callee as Node).name === 'Error') {
      // Errors made here are shown in the page's error notes.
      report(literalTexts((n.arguments as Node[])[0]), 'new Error');
    } else if (n.type === 'AssignmentExpression') {
      const target = n.left as Node;
      if (target.type === 'MemberExpression' && READ_PROPERTIES.has(String((target.property as Node).name)))
        report(literalTexts(n.right as Node), `${String((target.property as Node).name)} =`);
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'type' && value && typeof value === 'object') visit(value, code);
  };
  visit(parseAst(source, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' }, file), false);
  return found;
}

describe('words in the code', () => {
  it('are not left as literals in JSX text, read attributes or the badge DOM (src/ui, src/content)', () => {
    const files = [...sourceFiles('src/ui'), ...sourceFiles('src/content')].filter((file) => !file.endsWith('.d.ts'));
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((file) => literalWords(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the check finds literals where they would be', () => {
    const page = `
      const a = <p title="Hi there" aria-label={busy ? 'Busy' : t('x')} placeholder={\`Type \${n}\`}>Hello <code>npx paperscope</code> {ok ? 'Yes' : '×'}</p>;
      const b = () => { throw new Error(\`Could not \${x}\`); };
      const fine = <p title={t('y')} data-x="zzz">{t('z')} ★ {count}</p>;`;
    const badge = `
      el('button', { title: 'Save it', part: 'save' }); node.setAttribute('aria-label', 'Close'); button.textContent = saved ? 'Saved' : 'Save';
      el('span', { title: t('ok') }); node.setAttribute('data-x', 'words'); node.className = 'some class';`;
    const strip = (found: string[]) => found.map((f) => f.replace(/^x\.tsx?:\d+: /, '')).sort();
    expect(strip(literalWords('x.tsx', page))).toEqual([
      'aria-label= "Busy"',
      'new Error "Could not …"',
      'placeholder= "Type …"',
      'text "Hello"',
      'text "Yes"',
      'title= "Hi there"',
    ]);
    expect(strip(literalWords('x.ts', badge))).toEqual(['aria-label= "Close"', 'textContent = "Save"', 'textContent = "Saved"', 'title: "Save it"']);
  });

  it('every message is used by the code or the manifest', () => {
    const code = [...sourceFiles('src').map((file) => readFileSync(file, 'utf8')), readFileSync('manifest.json', 'utf8'), readFileSync('vite.config.ts', 'utf8')].join('\n');
    const unused = Object.keys(messages).filter((name) => !code.includes(`'${name}'`) && !code.includes(`__MSG_${name}__`));
    expect(unused).toEqual([]);
  });

  it('fills placeholders the way the browser does (the stub the UI tests use)', () => {
    expect(getMessage('optionsSiteLastFound', ['25', 'Nov 26, 2026'])).toBe('Last found 25 papers on Nov 26, 2026.');
    expect(getMessage('noSuchMessage')).toBe('');
    expect(getMessage('commonQuoted', '$1 costs $$5')).toBe('“$1 costs $$5”');
  });

  it('errors that name their message read the same in English as their own text (backup checks)', () => {
    const bad = [
      'not json',
      '{}',
      `{"format":"${BACKUP_FORMAT}"}`,
      `{"format":"${BACKUP_FORMAT}","version":99}`,
      `{"format":"${BACKUP_FORMAT}","version":1}`,
      `{"format":"${BACKUP_FORMAT}","version":1,"schemaVersion":999}`,
      `{"format":"${BACKUP_FORMAT}","version":1,"schemaVersion":1,"tables":{"savedPapers":7}}`,
    ];
    for (const text of bad) {
      let error: unknown;
      try {
        parseBackup(text, 5);
      } catch (e) {
        error = e;
      }
      const words = wordsOf(error);
      expect(words, text).toBeDefined();
      expect(t(words!.name, words!.substitutions), text).toBe((error as Error).message);
    }
  });

  it('t() fills placeholders; tWith puts elements where they go; tCount picks one or many; tTemplate fills a message read once', () => {
    expect(t('panelNoTopic', 'Robotics')).toBe('No related paper is filed under Robotics.');
    const code = { element: 'code' };
    expect(tWith('optionsImportHint', [code, code]).filter((part) => part === code)).toHaveLength(2);
    expect(tWith('popupSavedOn', [code])).toEqual(['Saved ', code]);
    expect([tCount(1, 'commonPaperCountOne', 'commonPaperCountMany'), tCount(1200, 'commonPaperCountOne', 'commonPaperCountMany')]).toEqual([
      '1 paper',
      `${(1200).toLocaleString()} papers`,
    ]);
    expect(tTemplate('commonTagTooltip', 2)('Robotics', 'arm, grasp')).toBe('Robotics: arm, grasp');
  });
});
