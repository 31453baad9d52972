import { fileURLToPath } from 'node:url'

export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/emails/', import.meta.url))

export function fixturePath (name: string): string {
  return `${FIXTURES_DIR}${name}.eml`
}
