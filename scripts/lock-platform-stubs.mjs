// The registry this project installs from does not serve some other platforms' optional
// packages (chdb's macOS and arm64 builds, a Windows helper of vite), so `npm install` leaves
// them out of package-lock.json and `npm ci` then refuses the lock. This adds lock entries
// marked optional and foreign to this platform, which `npm ci` skips without fetching.
// Run after `npm install` changes the lock: `node scripts/lock-platform-stubs.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const STUBS = [
  ['@chdb/lib-darwin-arm64', ['darwin'], ['arm64']],
  ['@chdb/lib-darwin-x64', ['darwin'], ['x64']],
  ['@chdb/lib-linux-arm64-gnu', ['linux'], ['arm64']],
  ['napi-windows-process-start-time', ['win32'], ['x64', 'arm64']],
];

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const wantedVersion = (name) => {
  for (const pkg of Object.values(lock.packages)) {
    const range = pkg.optionalDependencies?.[name];
    if (range) return range.replace(/^[\^~]/, '');
  }
  return null;
};
let added = 0;
for (const [name, os, cpu] of STUBS) {
  const key = `node_modules/${name}`;
  const version = wantedVersion(name);
  if (lock.packages[key] || !version) continue;
  lock.packages[key] = { version, cpu, optional: true, os }; // key order as npm writes it
  added++;
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.error(`lock-platform-stubs: ${added} entries added`);
