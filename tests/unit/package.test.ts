// `npm run package`'s archives: both there, named with package.json's version, each holding its browser's manifest of
// that version. Packaging takes a full build, so this reads what the last `npm run package` wrote and is skipped, with a
// notice, when there is none.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath, packageProblems, TARGETS } from '../../scripts/package.ts';
import { zipEntries } from '../../scripts/zipEntries.ts';
import { packageVersion } from '../../vite.config.ts';

const distRoot = resolve(process.cwd(), process.env.PAPERSCOPE_DIST ?? 'dist');
const version = packageVersion();
const packaged = TARGETS.every((target) => existsSync(packagePath(distRoot, target, version)));
if (!packaged) console.log(`package.test: no archives of version ${version} in ${distRoot}/packages (run \`npm run package\`); their checks are skipped`);

describe.skipIf(!packaged)('npm run package', () => {
  it.each(TARGETS)('writes the %s archive with its manifest of the package version', (target) => {
    const archive = packagePath(distRoot, target, version);
    expect(archive).toMatch(new RegExp(`paperscope-${target}-${version.replace(/\./g, '\\.')}\\.zip$`));
    expect(packageProblems(archive, target, version)).toEqual([]);
    const files = zipEntries(archive);
    expect(files.has('_locales/en/messages.json')).toBe(true);
    expect(files.has('src/content/scanPage.js')).toBe(true);
  });
});

describe('package checks', () => {
  it('reports a missing archive, and an archive of another version or browser', () => {
    expect(packageProblems(resolve(distRoot, 'packages/none.zip'), 'chrome', version)).toEqual([`${resolve(distRoot, 'packages/none.zip')} is missing`]);
    if (!packaged) return;
    const firefox = packagePath(distRoot, 'firefox', version);
    expect(packageProblems(firefox, 'chrome', version)).toEqual([`${firefox}: the manifest is not the chrome one`]);
    expect(packageProblems(firefox, 'firefox', '9.9.9')).toEqual([`${firefox}: manifest version ${version}, package.json says 9.9.9`]);
  });
});
