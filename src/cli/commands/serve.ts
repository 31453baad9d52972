import { type Command, RUNNING } from '../command.ts'

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start the web server: webhooks, API and dashboard (what npm start runs)',
  usage: 'roms serve',
  help: `
Reads PORT, HOST, DATABASE_URL and the secrets from the environment or .env, migrates the database, and listens.
SIGTERM and SIGINT finish the deliveries in flight, then exit.`,
  options: {},
  maxPositionals: 0,
  run: async () => {
    // Loaded on demand: the web server's modules would slow every other command's start by a second.
    const { serve } = await import('../../main.ts')
    await serve()
    return RUNNING
  }
}
