'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureInstalled } = require('./provision');

describe('ensureInstalled', () => {
  let dir;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careloop-provision-spec-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const isComplete = (d) => fs.existsSync(path.join(d, 'done'));

  it('builds once when callers race, and every caller gets the finished directory', async () => {
    const target = path.join(dir, 'thing-1.0');
    let builds = 0;
    const build = async (tmp) => {
      builds += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
      fs.writeFileSync(path.join(tmp, 'done'), 'yes');
    };
    const results = await Promise.all(
      [1, 2, 3].map(() => ensureInstalled({ what: 'thing', target, isComplete, build, log: () => {} })),
    );
    expect(builds).toBe(1);
    expect(results).toEqual([target, target, target]);
    expect(fs.readdirSync(dir)).toEqual(['thing-1.0']);
  });

  it('takes over the lock of a dead process and removes its half-built temp dir', async () => {
    const target = path.join(dir, 'thing-1.0');
    fs.writeFileSync(`${target}.lock`, '999999999\nhost\n');
    fs.mkdirSync(`${target}.tmp-999999999-dead`);
    await ensureInstalled({ what: 'thing', target, isComplete, build: (tmp) => fs.writeFileSync(path.join(tmp, 'done'), ''), log: () => {} });
    expect(fs.readdirSync(dir)).toEqual(['thing-1.0']);
  });

  it('leaves nothing behind when the build fails', async () => {
    const target = path.join(dir, 'thing-1.0');
    const build = async () => {
      throw new Error('network down');
    };
    await expect(ensureInstalled({ what: 'thing', target, isComplete, build, log: () => {} })).rejects.toThrow('network down');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('rejects a build that reports success without a usable result', async () => {
    const target = path.join(dir, 'thing-1.0');
    await expect(ensureInstalled({ what: 'thing', target, isComplete, build: async () => {}, log: () => {} })).rejects.toThrow(
      /no usable result/,
    );
    expect(fs.existsSync(target)).toBe(false);
  });
});
