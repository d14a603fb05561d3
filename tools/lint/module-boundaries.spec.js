'use strict';
// The module-boundary rule is real: lint fails when a service imports another service, when contracts import one of
// our libraries, or when a platform library imports an app. Each case is linted as if the file sat in that project.
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..', '..');
jest.setTimeout(120000);

// ESLint runs as its own process: its flat config is an ES module, which jest's module system cannot load.
async function boundaryErrors(filePath, code) {
  const eslint = path.join(root, 'node_modules', '.bin', 'eslint');
  const run = spawnSync(eslint, ['--stdin', '--stdin-filename', path.join(root, filePath), '--format', 'json'], {
    cwd: root,
    input: code,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (!run.stdout) throw new Error(`eslint produced no report: ${run.stderr}`);
  const [result] = JSON.parse(run.stdout);
  return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

describe('module boundaries', () => {
  it('refuses a service importing another service', async () => {
    const errors = await boundaryErrors(
      'apps/intake/src/boundary-probe.ts',
      "import { AppModule } from '../../care-planning/src/app.module';\nexport const x = AppModule;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('refuses contracts depending on a platform library', async () => {
    const errors = await boundaryErrors(
      'libs/contracts/src/boundary-probe.ts',
      "import { topicName } from '@careloop/messaging';\nexport const x = topicName;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('refuses a platform library depending on the testing library', async () => {
    const errors = await boundaryErrors(
      'libs/messaging/src/boundary-probe.ts',
      "import { eventually } from '@careloop/testing';\nexport const x = eventually;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('lets a service use contracts and platform libraries', async () => {
    const errors = await boundaryErrors(
      'apps/intake/src/boundary-probe.ts',
      "import { Topics } from '@careloop/contracts';\nimport { topicName } from '@careloop/messaging';\nexport const x = [Topics, topicName];\n",
    );
    expect(errors).toEqual([]);
  });
});
