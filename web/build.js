// Builds the dashboard into web/dist: one script, one stylesheet and the page. The strict CSP (script-src 'self', no
// inline scripts or styles) is why everything lives in these files and nothing is inlined into the page.
import { copyFile, mkdir, rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const webDir = fileURLToPath(new URL('.', import.meta.url))

/** Builds web/src into web/dist and returns the output folder. */
export async function buildWeb ({ minify = true } = {}) {
  const outdir = `${webDir}dist`
  await rm(outdir, { recursive: true, force: true })
  await mkdir(outdir, { recursive: true })
  await build({
    entryPoints: { app: `${webDir}src/main.ts` },
    outdir,
    bundle: true,
    format: 'esm',
    // Browsers from the last few years: every one has EventSource, fetch, crypto.subtle and CSS grid.
    target: ['chrome100', 'firefox100', 'safari15'],
    minify,
    sourcemap: true,
    logLevel: 'warning'
  })
  await copyFile(`${webDir}index.html`, `${outdir}/index.html`)
  return outdir
}
