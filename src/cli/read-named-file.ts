import { open, readFile, stat } from 'node:fs/promises'

/**
 * Reads a file the user named. Node leaves the path out of some errors (EISDIR, ESPIPE from a file handle), and the
 * command line reports a file problem in one line naming the path (see run.ts), so the path is put back.
 */
export async function readNamedFile (path: string): Promise<Buffer> {
  try {
    return await readFile(path)
  } catch (error) {
    throw withPath(error, path, 'read')
  }
}

/** A file the user named, read in chunks (a file of any size, or a pipe), with the path in its errors as above. */
export async function * streamNamedFile (path: string): AsyncGenerator<Buffer> {
  const file = await open(path).catch((error: unknown) => { throw withPath(error, path, 'open') })
  try {
    for await (const chunk of file.createReadStream({ autoClose: false })) yield chunk as Buffer
  } catch (error) {
    throw withPath(error, path, 'read')
  } finally {
    await file.close()
  }
}

/** Refuses what import cannot read twice (it sniffs the head, then streams): a directory or a pipe such as `<(…)`. */
export async function checkRegularFile (path: string): Promise<number> {
  const info = await stat(path)
  if (info.isDirectory()) throw withPath(Object.assign(new Error('EISDIR'), { code: 'EISDIR' }), path, 'read')
  if (!info.isFile()) throw withPath(Object.assign(new Error('ESPIPE'), { code: 'ESPIPE' }), path, 'read')
  return info.size
}

function withPath (error: unknown, path: string, syscall: string): unknown {
  const e = error as NodeJS.ErrnoException
  if (!(error instanceof Error) || typeof e.code !== 'string' || typeof e.path === 'string') return error
  return Object.assign(new Error(`${e.code}: ${path}`, { cause: error }), { code: e.code, syscall, path })
}
