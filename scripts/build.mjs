// `npm run build`: the TypeScript of src/ and workers/ compiled to dist/ (tsc, tsconfig.build.json), with the
// files the server reads beside its code (views, stylesheets, browser scripts). dist/.built is written last:
// without it (a build that failed or was cut short) `npm start` builds again rather than run half a build.
// With --if-possible (postinstall) it steps aside where TypeScript is not installed (`npm ci --omit=dev`).
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const stamp = join(dist, '.built');

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  if (process.argv.includes('--if-possible')) {
    console.log('build: TypeScript is not installed here (dev dependencies omitted); dist/ is left as it is.');
    process.exit(0);
  }
  console.error('build: TypeScript is not installed: run `npm install` (with dev dependencies) first.');
  process.exit(1);
}

rmSync(stamp, { force: true });
const started = Date.now();
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
if (compiled.status !== 0) {
  console.error('build: tsc failed; dist/ is not marked as built.');
  process.exit(1);
}
// Everything in src/ that is not TypeScript (views, stylesheets, browser scripts), at the same relative path.
const copied = [];
(function copyAssets(dir) {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) copyAssets(path);
    else if (!entry.name.endsWith('.ts')) {
      cpSync(join(root, path), join(dist, path));
      copied.push(path);
    }
  }
})('src');
writeFileSync(stamp, `${new Date().toISOString()}\n`);
console.log(`build: dist/ ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${copied.length} assets copied)`);
