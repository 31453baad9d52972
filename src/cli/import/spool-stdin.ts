import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/**
 * Runs `use` on a temporary copy of stdin: import reads its file twice (the head to find the format and separator,
 * then the rows as a stream), which a pipe cannot give. The copy is removed afterwards, however `use` ends.
 */
export async function withStdinFile<T> (stdin: Readable, use: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'roms-import-stdin-'))
  try {
    const path = join(dir, 'stdin')
    await pipeline(stdin, createWriteStream(path))
    return await use(path)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
