// Debian's Chromium for every browser test and bench (never a downloaded browser build), with one list of flags.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './processes.mjs';

/**
 * Headless Chromium with fake camera/microphone that can exchange real media on loopback. Without
 * --allow-loopback-in-peer-connection Chromium gathers no ICE candidate on loopback and nothing connects.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  // Two fake cameras (fake_device_0 and _1), so a camera can be switched mid-call (e2e devices-stats); the
  // microphones and speakers are Chromium's usual three fake ones.
  '--use-fake-device-for-media-stream=device-count=2',
  '--use-fake-ui-for-media-stream',
  // getDisplayMedia (after a click) picks the whole (fake, 1280×720) screen without a picker: screen-share tests.
  '--auto-select-desktop-capture-source=Entire screen',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** The Chromium executable, installed with scripts/install-tools.sh (apt-get) when missing. */
export function ensureChromium() {
  const executable = chromiumPath();
  if (fs.existsSync(executable)) return executable;
  spawnSync('bash', [path.join(ROOT, 'scripts', 'install-tools.sh'), 'chromium'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (!fs.existsSync(executable)) throw new Error(`Chromium is missing at ${executable} and scripts/install-tools.sh chromium could not install it (set CHROMIUM_PATH)`);
  return executable;
}

/** Headless Chromium through playwright-core. */
export async function launchChromium() {
  const executablePath = ensureChromium();
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 });
}
