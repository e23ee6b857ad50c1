// npm records in package-lock.json only the platform-specific optional packages it could resolve when it ran (the
// registry mirror our machines use serves only their own platform's builds), while `npm ci` of newer npm versions
// refuses a lockfile that lacks the others. This adds each missing one as an optional entry, with its platforms when
// the registry knows them, so `npm ci` works here and elsewhere. Run it after changing dependencies:
//   npm install && node scripts/complete-lockfile.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;

function platformsOf(name, version) {
  try {
    const view = ['view', `${name}@${version}`, 'os', 'cpu', 'libc', '--json'];
    const manifest = JSON.parse(
      execFileSync('npm', view, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }) || '{}',
    );
    return Object.fromEntries(
      ['os', 'cpu', 'libc'].filter((key) => manifest[key]).map((key) => [key, [manifest[key]].flat()]),
    );
  } catch {
    return {};
  }
}

let added = 0;
for (const entry of Object.values(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (packages[`node_modules/${name}`]) continue;
    packages[`node_modules/${name}`] = { version, optional: true, ...platformsOf(name, version) };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === b ? 0 : a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`Added ${added} platform-specific optional packages to package-lock.json`);
