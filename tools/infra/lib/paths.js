'use strict';
// Where things live: binaries in a per-user cache shared by every clone, dev data in the checkout.
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..', '..');

function cacheDir() {
  return process.env.CARELOOP_CACHE_DIR
    ? path.resolve(process.env.CARELOOP_CACHE_DIR)
    : path.join(os.homedir(), '.cache', 'careloop');
}

/** Dev-profile data, kept across restarts (the checkout's gitignored `.local/`). */
function devDataDir() {
  return path.join(repoRoot, '.local', 'infra');
}

module.exports = { repoRoot, cacheDir, devDataDir };
