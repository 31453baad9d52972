#!/usr/bin/env node
// `npm install` builds dist/ (the prepare script), so installed copies run plain JavaScript. A checkout that was not
// built runs the TypeScript source through tsx, a devDependency.
import { existsSync } from 'node:fs'

const built = new URL('../dist/cli/run.js', import.meta.url)
let cli
if (existsSync(built)) {
  cli = await import(built.href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  cli = await import(new URL('../src/cli/run.ts', import.meta.url).href)
}
await cli.main(process.argv.slice(2))
