// Extends create-plugin's managed config (never edit .config/).
process.env.TZ = 'UTC';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const base = require('./.config/jest.config');

module.exports = {
  ...base,
  // d3 packages ship .mjs; the "umd" condition makes jest load their UMD builds.
  testEnvironmentOptions: { customExportConditions: ['browser', 'umd'] },
  // Every test does bounded work, so the timeout only catches a hang; it is no
  // speed limit (a busy machine may take many times longer than a quiet one).
  testTimeout: 10 * 60 * 1000,
};
