'use strict';
const fs = require('node:fs');

module.exports = async function globalTeardown() {
  const state = globalThis.__careloopInfra;
  if (!state) return;
  globalThis.__careloopInfra = undefined;
  fs.rmSync(state.envFile, { force: true });
  await state.stop();
};
