/** A file a command was told to read or write could not be: the user's path, not a bug, so no stack. */
export function isFileError (error: unknown): error is NodeJS.ErrnoException & { code: string, syscall: string, path: string } {
  const e = error as NodeJS.ErrnoException
  return error instanceof Error && typeof e.code === 'string' && typeof e.syscall === 'string' && typeof e.path === 'string'
}

const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EEXIST: 'it already exists',
  ENOSPC: 'no space left on the device',
  ESPIPE: 'it is a pipe, not a file (save it to a file first)'
}

/** "cannot read x/: it is a directory" */
export function describeFileError (error: NodeJS.ErrnoException & { code: string, syscall: string, path: string }): string {
  return `cannot ${error.syscall} ${error.path}: ${FILE_PROBLEMS[error.code] ?? error.code}`
}
