// The dashboard bundle is built here (never committed); until the dashboard exists there is nothing to build.
import { existsSync } from 'node:fs'

if (existsSync(new URL('../web/src/main.ts', import.meta.url))) {
  const { buildWeb } = await import('../web/build.js')
  await buildWeb()
}
