// Two test projects: fast unit tests (Node, happy-dom where a file asks) and end-to-end runs in real browsers. A plain
// `npx vitest run` runs both: the unit tests first, then the e2e files one at a time, against a build that the e2e
// global setup brings up to date (tests/e2e/globalSetup.ts).
import { defineConfig, type Plugin } from 'vitest/config';

/** crxjs turns `import file from './x.ts?script…'` into an output path at build time; in unit tests it stays a path, never runs. */
const crxScriptPaths: Plugin = {
  name: 'paperscope:crx-script-paths',
  enforce: 'pre',
  resolveId(source) {
    return /\?(?:script|iife)\b/.test(source) ? `\0crx-script:${source}` : undefined;
  },
  load(id) {
    if (!id.startsWith('\0crx-script:')) return undefined;
    const file = id
      .slice('\0crx-script:'.length)
      .split('?')[0]!
      .replace(/^(?:\.\.?\/)+/, '')
      .replace(/\.tsx?$/, '.js');
    return `export default ${JSON.stringify(file)};`;
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [crxScriptPaths],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/unit/setup.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          // A browser start under a loaded machine (Firefox most) can take a minute before the first page is drawn.
          hookTimeout: 180_000,
          fileParallelism: false,
          // Browsers are heavy: they start after the unit tests, not beside them.
          sequence: { groupOrder: 1 },
          globalSetup: ['tests/e2e/globalSetup.ts'],
        },
      },
    ],
  },
});
