// What a release is made of, in one place for the packaging script and its test:
// the archive's name (from src/plugin.json's id and package.json's version) and
// the backend binaries it must hold, one per supported OS and architecture.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The OS/architecture pairs the datasource backend is built for (make build-backend-release). */
export const PLATFORMS = [
  { os: 'linux', arch: 'amd64' },
  { os: 'linux', arch: 'arm64' },
  { os: 'darwin', arch: 'amd64' },
  { os: 'darwin', arch: 'arm64' },
  { os: 'windows', arch: 'amd64' },
  { os: 'windows', arch: 'arm64' },
];

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

export function releaseFiles(root) {
  const appId = readJson(path.join(root, 'src', 'plugin.json')).id;
  const version = readJson(path.join(root, 'package.json')).version;
  const zipPath = path.join(root, 'build', `${appId}-${version}.zip`);
  return { appId, version, zipPath, shaPath: `${zipPath}.sha256` };
}

/** The backend binaries, as paths inside the plugin folder: datasource/gpx_embers_linux_amd64, … */
export function backendBinaries(root) {
  const executable = readJson(path.join(root, 'src', 'datasource', 'plugin.json')).executable;
  return PLATFORMS.map(({ os, arch }) => ({
    os,
    arch,
    path: `datasource/${executable}_${os}_${arch}${os === 'windows' ? '.exe' : ''}`,
  }));
}
