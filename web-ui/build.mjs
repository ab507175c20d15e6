// Bundles the console into target/classes/webroot, where Maven packs it into the jar the controller serves.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';

const source = 'src/main/js';
const out = 'target/classes/webroot';

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: { app: `${source}/main.js` },
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020'],
  outdir: out,
  logLevel: 'warning',
});
await Promise.all(['index.html', 'favicon.svg'].map((file) => copyFile(`${source}/${file}`, `${out}/${file}`)));
