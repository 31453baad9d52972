import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// The project keeps its own byte-exact copy of the senders' examples so a clone tests alone; where the shared
// originals sit beside the clone (sessions and CI), the copies must not have drifted from them.
const COPIES = new URL('../../fixtures/senders/', import.meta.url)
const ORIGINALS = new URL('../../../../shared/fixtures/', import.meta.url)

describe('the sender fixtures', () => {
  it('are byte-identical copies of the shared originals', () => {
    if (!existsSync(ORIGINALS)) {
      console.warn('*** ../shared/fixtures is not beside this clone: the fixture copies are not compared ***')
      return
    }
    const names = readdirSync(ORIGINALS).filter((name) => name !== 'README.md')
    expect(names.length).toBeGreaterThan(0)
    for (const name of names) {
      expect(readFileSync(new URL(name, COPIES)).equals(readFileSync(new URL(name, ORIGINALS))), name).toBe(true)
    }
  })
})
