// Extends create-plugin's managed config (never edit .config/).
process.env.TZ = 'UTC';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const base = require('./.config/jest.config');

module.exports = {
  ...base,
  // d3 packages ship .mjs; the "umd" condition makes jest load their UMD builds.
  testEnvironmentOptions: { customExportConditions: ['browser', 'umd'] },
};
