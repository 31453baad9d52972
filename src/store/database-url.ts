// What a DATABASE_URL names, read without opening anything: the configuration checks it, the store opens it.

export function isPostgresUrl (url: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(url)
}

/** The SQLite file a database URL names; undefined for PostgreSQL and for `:memory:`, which no other connection can open. */
export function sqliteFile (databaseUrl: string): string | undefined {
  if (isPostgresUrl(databaseUrl)) return undefined
  const file = databaseUrl.replace(/^sqlite:(?:\/\/)?/i, '')
  return file === ':memory:' ? undefined : file
}
