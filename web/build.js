// Builds the dashboard into web/dist: one script, one stylesheet and the page. The strict CSP (script-src 'self', no
// inline scripts or styles) is why everything lives in these files and nothing is inlined into the page.
import { copyFile, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const webDir = fileURLToPath(new URL('.', import.meta.url))

/**
 * Builds web/src into web/dist and returns the output folder. Each file is built aside and renamed into place, so a
 * server (or a parallel test file building too) never reads a half-written bundle.
 */
export async function buildWeb ({ minify = true } = {}) {
  const outdir = `${webDir}dist`
  await mkdir(outdir, { recursive: true })
  const staging = await mkdtemp(`${outdir}/.build-`)
  try {
    await build({
      entryPoints: { app: `${webDir}src/main.ts` },
      outdir: staging,
      bundle: true,
      format: 'esm',
      // Browsers from the last few years: every one has EventSource, fetch, crypto.subtle and CSS grid.
      target: ['chrome100', 'firefox100', 'safari15'],
      minify,
      sourcemap: true,
      logLevel: 'warning'
    })
    await copyFile(`${webDir}index.html`, `${staging}/index.html`)
    for (const file of await readdir(staging)) await rename(`${staging}/${file}`, `${outdir}/${file}`)
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
  return outdir
}
