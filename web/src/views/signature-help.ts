import { getJson } from '../api.ts'

export interface Scheme {
  configured: boolean
  setting: string
  header?: string
  headers?: string[]
  signature?: string
  url?: string
  use?: string
}

export interface SignatureHelp {
  signature_required: boolean
  header: string
  algorithm: string
  important: string
  examples: Record<string, string>
  schemes: Record<string, Scheme>
}

export async function fetchSignatureHelp (): Promise<SignatureHelp> {
  return await getJson<SignatureHelp>('/api/v2/webhooks/signature-help')
}

/** The guide's examples post to http://localhost:8001; shown here with this server's own address. */
export function withOrigin (example: string, origin: string): string {
  return example.replaceAll('http://localhost:8001', origin)
}
