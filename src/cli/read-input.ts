import type { Readable } from 'node:stream'
import { UsageError } from './command.ts'
import { readNamedFile } from './read-named-file.ts'

/** The exact bytes of a file, or of stdin for `-`: signatures are over bytes, so nothing is decoded or trimmed. */
export async function readInput (path: string | undefined, stdin: Readable): Promise<Buffer> {
  if (path === undefined) throw new UsageError('name a file, or - to read stdin')
  if (path !== '-') return await readNamedFile(path)
  const chunks: Buffer[] = []
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)))
  return Buffer.concat(chunks)
}
