// Writes a brotli (.br, quality 11) and a gzip (.gz, level 9) copy next to
// every text and wasm file of the built app, so the server sends the
// smallest file without compressing it on every request (it compresses on
// the fly at a lower, faster level). Run on trunk's output by scripts/lib.sh,
// after trunk has finished writing index.html.
//
// Usage: node scripts/precompress.mjs <dist folder>
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.webmanifest', '.ico', '.txt']);

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

const dist = process.argv[2];
if (!dist) {
  console.error('usage: node scripts/precompress.mjs <dist folder>');
  process.exit(2);
}
let before = 0;
let after = 0;
for await (const path of files(dist)) {
  if (path.endsWith('.br') || path.endsWith('.gz')) {
    await rm(path); // left from an earlier build
    continue;
  }
  if (!COMPRESSIBLE.has(extname(path))) continue;
  const raw = await readFile(path);
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      [constants.BROTLI_PARAM_MODE]: extname(path) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    },
  });
  const gz = gzipSync(raw, { level: 9 });
  // A copy that is not smaller is not worth a request's Content-Encoding.
  if (br.length < raw.length) await writeFile(`${path}.br`, br);
  if (gz.length < raw.length) await writeFile(`${path}.gz`, gz);
  before += raw.length;
  after += Math.min(raw.length, br.length);
}
console.log(`Pre-compressed ${dist}: ${(before / 1024).toFixed(0)} KB, ${(after / 1024).toFixed(0)} KB with brotli`);
