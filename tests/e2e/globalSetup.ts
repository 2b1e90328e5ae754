// The e2e project's global setup: the tests load the built extension, so dist/chrome and dist/firefox (or the folder
// PAPERSCOPE_DIST names) are built here when missing or older than what they are built from. `npm test` builds first,
// so this finds them fresh and builds nothing; a plain `npx vitest run` builds what it needs.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
/** What a build reads: the sources, the manifest and messages, the bundled data, and the build's own settings. */
const INPUTS = ['src', 'assets', '_locales', 'manifest.json', 'vite.config.ts', 'tsconfig.json', 'package-lock.json'];
const TARGETS = ['chrome', 'firefox'] as const;

/** The latest modification time (ms) of a file, or of any file under a folder; 0 when it is missing. */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** The targets whose built manifest is missing or older than an input. */
export function staleTargets(distRoot: string, root = ROOT): string[] {
  const inputs = Math.max(...INPUTS.map((p) => newestMtime(join(root, p))));
  return TARGETS.filter((target) => {
    const manifest = join(distRoot, target, 'manifest.json');
    return !existsSync(manifest) || statSync(manifest).mtimeMs < inputs;
  });
}

export default function setup(): void {
  // Resolved as tests/e2e/chromium.ts and firefox.ts resolve it, and handed to Vite as an absolute path so both agree.
  const distRoot = resolve(process.cwd(), process.env.PAPERSCOPE_DIST ?? 'dist');
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  for (const target of staleTargets(distRoot)) {
    console.log(`e2e setup: building ${join(distRoot, target)} (missing or older than its sources)`);
    execFileSync(process.execPath, [vite, 'build', '--mode', target, '--logLevel', 'warn'], {
      cwd: ROOT,
      env: { ...process.env, PAPERSCOPE_DIST: distRoot },
      stdio: 'inherit',
    });
  }
}
