#!/usr/bin/env node
/**
 * `npm run screenshot`: render each bundled estate's map (SVG) and headless-Chromium it to PNG,
 * to look at the picture as an architect would. Needs Debian's `chromium` (apt-get install
 * chromium); it is not part of the tests. Writes out/screenshots/<estate>-<level>.{svg,png}.
 *
 *   node scripts/screenshot.mjs [--level auto|account|vpc|subnet|resource] [--estate name]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const { values: opt } = parseArgs({
  options: {
    level: { type: 'string', default: 'auto' },
    estate: { type: 'string' },
  },
});
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!CHROMIUM) {
  console.error('screenshot: Chromium is not installed (Debian: apt-get install chromium)');
  process.exit(2);
}
if (!existsSync(join(ROOT, 'dist/src/cli/main.js'))) {
  const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) process.exit(2);
}
const out = join(ROOT, 'out/screenshots');
mkdirSync(out, { recursive: true });
const estates = readdirSync(join(ROOT, 'fixtures/estates')).filter(
  (e) => !opt.estate || e === opt.estate,
);
for (const e of estates) {
  const dir = join(ROOT, 'fixtures/estates', e);
  const svg = join(out, `${e}-${opt.level}.svg`);
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'bin/ownmap.js'),
      'map',
      join(dir, 'snapshot'),
      '--boundary',
      join(dir, 'boundary.yaml'),
      '--format',
      'svg',
      '--level',
      opt.level,
      '--out',
      svg,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) {
    console.error(`screenshot: ${e}: ${r.stderr.trim()}`);
    process.exitCode = 1;
    continue;
  }
  const text = readFileSync(svg, 'utf8');
  const width = Number(/width="(\d+)"/.exec(text)?.[1] ?? 1600);
  const height = Number(/height="(\d+)"/.exec(text)?.[1] ?? 1000);
  const profile = mkdtempSync(join(tmpdir(), 'ownmap-chromium-'));
  const png = join(out, `${e}-${opt.level}.png`);
  // The flags keep Chromium off the network: no background, component or sync requests.
  const c = spawnSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      `--screenshot=${png}`,
      `--window-size=${width + 20},${height + 20}`,
      `file://${svg}`,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  rmSync(profile, { recursive: true, force: true });
  if (c.status !== 0 || !existsSync(png)) {
    console.error(`screenshot: ${e}: Chromium failed (${c.status})`);
    process.exitCode = 1;
    continue;
  }
  console.log(`${e}: ${png} (${width}×${height})`);
}
