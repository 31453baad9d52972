import { request } from './api.ts'

export interface Session {
  /** False: no ROMS_API_TOKEN is set and the server only serves this machine. */
  token_required: boolean
  signed_in: boolean
}

export async function readSession (): Promise<Session> {
  return await request<Session>('GET', '/api/v2/session')
}

/** Trades the token for the server's HttpOnly session cookie, which fetch and EventSource then send by themselves. */
export async function signIn (token: string): Promise<Session> {
  return await request<Session>('POST', '/api/v2/session', { token })
}

export async function signOut (): Promise<Session> {
  return await request<Session>('DELETE', '/api/v2/session')
}
