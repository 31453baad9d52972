/** What of an IMAP failure is safe to log: the message and the server's answer, with the password cut out. */
export function describeImapError (error: unknown, password: string): Record<string, unknown> {
  const hide = (text: unknown): string | undefined => {
    if (typeof text !== 'string') return undefined
    return password === '' ? text : text.split(password).join('[redacted]')
  }
  if (!(error instanceof Error)) return { message: hide(String(error)) }
  const e = error as Error & { code?: unknown, responseText?: unknown, authenticationFailed?: unknown }
  return {
    message: hide(e.message),
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.responseText === 'string' ? { responseText: hide(e.responseText) } : {}),
    ...(e.authenticationFailed === true ? { authenticationFailed: true } : {})
  }
}
