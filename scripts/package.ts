// `npm run package`: builds both extensions and writes the store archives, named with package.json's version, to
// dist/packages/ (or $PAPERSCOPE_DIST/packages): paperscope-chrome-<version>.zip for the Chrome Web Store and
// paperscope-firefox-<version>.zip for addons.mozilla.org, both zipped by web-ext. Each archive is read back and its
// manifest checked before the script says it is done.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageVersion } from '../vite.config.ts';
import { zipEntries } from './zipEntries.ts';

export const TARGETS = ['chrome', 'firefox'] as const;

/** Where `npm run package` writes the archive of one browser's build. */
export function packagePath(distRoot: string, target: (typeof TARGETS)[number], version = packageVersion()): string {
  return join(distRoot, 'packages', `paperscope-${target}-${version}.zip`);
}

/** What is wrong with an archive: not there, no manifest, or a manifest of another version or browser (empty when right). */
export function packageProblems(archive: string, target: (typeof TARGETS)[number], version: string): string[] {
  if (!existsSync(archive)) return [`${archive} is missing`];
  const files = zipEntries(archive);
  const manifestFile = files.get('manifest.json');
  if (!manifestFile) return [`${archive} has no manifest.json at its root`];
  const manifest = JSON.parse(manifestFile.toString('utf8'));
  const problems: string[] = [];
  if (manifest.version !== version) problems.push(`${archive}: manifest version ${manifest.version}, package.json says ${version}`);
  const isFirefox = manifest.browser_specific_settings?.gecko !== undefined;
  if (isFirefox !== (target === 'firefox')) problems.push(`${archive}: the manifest is not the ${target} one`);
  for (const script of [manifest.background?.service_worker, ...(manifest.background?.scripts ?? [])].filter(Boolean)) {
    if (!files.has(script)) problems.push(`${archive}: the background script ${script} is missing`);
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const distRoot = resolve(process.cwd(), process.env.PAPERSCOPE_DIST ?? 'dist');
  const version = packageVersion();
  const webExt = resolve(import.meta.dirname, '../node_modules/web-ext/bin/web-ext.js');
  mkdirSync(join(distRoot, 'packages'), { recursive: true });
  for (const target of TARGETS) {
    const archive = packagePath(distRoot, target, version);
    execFileSync(
      process.execPath,
      [
        webExt,
        'build',
        '--source-dir',
        join(distRoot, target),
        '--artifacts-dir',
        join(distRoot, 'packages'),
        '--filename',
        `paperscope-${target}-${version}.zip`,
        '--overwrite-dest',
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const problems = packageProblems(archive, target, version);
    if (problems.length > 0) {
      console.error(problems.join('\n'));
      process.exit(1);
    }
    console.log(`package: ${archive} (${target}, version ${version})`);
  }
}
