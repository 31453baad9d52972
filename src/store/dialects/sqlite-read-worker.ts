import { parentPort, workerData } from 'node:worker_threads'
import { toPlainError } from '../../thread-errors.ts'
import { openSqliteReader, statementCache } from './sqlite.ts'
import { addSearchFunctions } from './sqlite-search-functions.ts'
import type { ReadReply, ReadRequest } from './sqlite-read-thread.ts'

// The server's read connection (started by sqlite-read-thread.ts): the dashboard's and the API's queries run here, so
// a long one (a search of a rare short term reads every order) never holds up the thread that answers deliveries.
const port = parentPort
if (port === null) throw new Error('sqlite-read-worker.ts runs as a worker thread')
const { filename } = workerData as { filename: string }
const database = openSqliteReader(filename)
addSearchFunctions(database)
const prepare = statementCache(database, 'read')

port.on('message', ({ id, sql, parameters }: ReadRequest) => {
  let reply: ReadReply
  try {
    const statement = prepare(sql)
    if (statement.reader) {
      reply = { id, rows: statement.all(parameters) as unknown[], changes: 0 }
    } else {
      reply = { id, rows: [], changes: statement.run(parameters).changes }
    }
  } catch (error) {
    reply = { id, error: toPlainError(error) }
  }
  port.postMessage(reply)
})
