// E2E needs Debian's Chromium: install it when we can (root on Debian), else say what to install.
import fs from 'node:fs';
import { run } from './processes';
import { processEnv } from '../env';

export const CHROMIUM = '/usr/bin/chromium';

export async function ensureChromium(log: (line: string) => void) {
  if (fs.existsSync(CHROMIUM)) return CHROMIUM;
  const isRoot = process.getuid?.() === 0;
  const isDebian = fs.existsSync('/etc/debian_version');
  if (!isRoot || !isDebian) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install Debian's package (sudo apt-get install -y chromium) and run npm test again`,
    );
  }
  log('Chromium is missing: installing Debian’s chromium package…');
  await run('apt-get', ['update', '-qq'], { quiet: true });
  await run('apt-get', ['install', '-y', '-qq', 'chromium'], { quiet: true, env: { ...processEnv(), DEBIAN_FRONTEND: 'noninteractive' } });
  if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing`);
  return CHROMIUM;
}
