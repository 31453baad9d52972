import type { FastifyRequest } from 'fastify'
import { isLoopback } from './access.ts'

// A host as a URL may name it: a DNS name or IPv4 address, or a bracketed IPv6 address, with an optional port. Anything
// else in a Host header (spaces, quotes, a path) is not an address and must not end up in code users copy.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i

/**
 * The origin (`https://shop.example.com`) a client reached this server at, for URLs shown back to it. The Host header
 * is what the client itself asked for. X-Forwarded-Host and X-Forwarded-Proto are believed only from a loopback peer,
 * as X-Forwarded-For is (docs/deploy.md): a tunnel or reverse proxy on this machine sets them, a remote client cannot.
 * Without a usable host, the address the request arrived on.
 */
export function requestOrigin (request: FastifyRequest): string {
  const proxied = isLoopback(request.socket.remoteAddress)
  const forwardedProto = proxied ? firstValue(request.headers['x-forwarded-proto'])?.toLowerCase() : undefined
  const protocol = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : request.protocol
  const forwardedHost = proxied ? firstValue(request.headers['x-forwarded-host']) : undefined
  const host = [forwardedHost, request.headers.host].find((value) => value !== undefined && HOST.test(value)) ?? localAddress(request)
  return `${protocol}://${host.toLowerCase()}`
}

/** A proxy chain appends to a forwarding header ("https, http"): the first value is what the client used. */
function firstValue (header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header
  const first = value?.split(',')[0]?.trim()
  return first === undefined || first === '' ? undefined : first
}

function localAddress (request: FastifyRequest): string {
  const { localAddress: address, localPort: port } = request.socket
  if (address === undefined || port === undefined) return 'localhost'
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address
  return v4.includes(':') ? `[${v4}]:${port}` : `${v4}:${port}`
}
