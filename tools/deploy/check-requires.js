#!/usr/bin/env node
// Walks the require graph of a compiled service from its entry point and fails when a relative require
// points nowhere (an alias swc did not rewrite, a missing asset) or when a package would be missing from
// a production install: the image runs `npm ci --omit=dev`, so a devDependency only fails at run time.
// A package that a production install has only as another package's dependency is reported as a
// warning: it works until that package drops it.
const fs = require('node:fs');
const path = require('node:path');
const { builtinModules } = require('node:module');

const builtins = new Set(builtinModules);
const REQUIRE = /\brequire\(\s*(["'])([^"']+)\1\s*\)/g;

function packageNameOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function resolveFile(base) {
  const candidates = [base, `${base}.js`, `${base}.json`, path.join(base, 'index.js')];
  return candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
}

/** Top-level packages of a production install, read from the lockfile: those not marked dev-only. */
function productionInstallOf(packageJsonPath) {
  const lockPath = path.join(path.dirname(packageJsonPath), 'package-lock.json');
  if (!fs.existsSync(lockPath)) return new Set();
  const { packages = {} } = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
  return new Set(
    Object.entries(packages)
      .filter(([key, meta]) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(key) && !meta.dev)
      .map(([key]) => key.slice('node_modules/'.length)),
  );
}

function checkRequires(entry, packageJsonPath) {
  const { dependencies = {} } = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8'));
  const installed = productionInstallOf(packageJsonPath);
  const outRoot = path.resolve(entry, '..', '..', '..', '..');
  const shown = (file) => path.relative(outRoot, file);
  const problems = [];
  const warnings = [];
  const packages = new Set();
  const seen = new Set();
  const queue = [path.resolve(entry)];
  if (!fs.existsSync(queue[0])) return { problems: [`entry ${entry} does not exist`], warnings, files: 0, packages: [] };
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const source = fs.readFileSync(file, 'utf8');
    for (const [, , specifier] of source.matchAll(REQUIRE)) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = resolveFile(path.resolve(path.dirname(file), specifier));
        if (target) queue.push(target);
        else problems.push(`${shown(file)}: require('${specifier}') resolves to no file`);
        continue;
      }
      if (specifier.startsWith('node:') || builtins.has(specifier)) continue;
      const name = packageNameOf(specifier);
      packages.add(name);
      if (dependencies[name]) continue;
      if (installed.has(name)) {
        warnings.push(`${shown(file)}: '${name}' is not in package.json "dependencies" (present only through another package)`);
      } else {
        problems.push(`${shown(file)}: '${name}' is not installed by npm ci --omit=dev`);
      }
    }
  }
  return { problems, warnings, files: seen.size, packages: [...packages].sort() };
}

module.exports = { checkRequires };

if (require.main === module) {
  const [entry, packageJsonPath = 'package.json'] = process.argv.slice(2);
  if (!entry) {
    process.stderr.write('usage: check-requires.js <compiled-entry.js> [package.json]\n');
    process.exit(2);
  }
  const { problems, warnings, files, packages } = checkRequires(entry, packageJsonPath);
  for (const warning of warnings) process.stderr.write(`check-requires: warning: ${warning}\n`);
  if (problems.length > 0) {
    process.stderr.write(`check-requires: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write(`check-requires: ${files} files reachable, packages: ${packages.join(', ') || '(none)'}\n`);
}
