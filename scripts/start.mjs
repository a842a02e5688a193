// `npm start` / `npm run server` / `npm run worker`: the compiled JavaScript in dist/, built first when it is
// missing or older than the TypeScript it comes from (a pull, an edit, a new Prisma client), then run in this
// same process — no compiler at run time, no wrapper process.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.built');

/** The newest modification time under these paths. */
function newest(paths) {
  let latest = 0;
  for (const path of paths) {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) continue;
    if (!stats.isDirectory()) latest = Math.max(latest, stats.mtimeMs);
    else for (const entry of readdirSync(path)) latest = Math.max(latest, newest([join(path, entry)]));
  }
  return latest;
}

const sources = ['src', 'workers', 'tsconfig.json', 'tsconfig.build.json', 'package.json'].map((path) => join(root, path));
const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (built < newest(sources)) {
  console.error(built ? 'start: the sources changed since the last build; building dist/ …' : 'start: building dist/ (once) …');
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    if (!built) process.exit(1);
    console.error('start: the build failed; running the previous build.');
  }
}
await import(pathToFileURL(join(root, 'dist/src/main.js')).href);
