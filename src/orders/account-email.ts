// Account lists, and the bots that print the account they checked out with, write a login as "email:password" (or with
// "|" or ";"): the part after the address is a password and must never be stored or shown.
// Parts bounded as RFC 5321 bounds them, so a long "x@a.a.a…" is read in linear time, not backtracked over.
const LOGIN = /^([^\s:|;@]{1,64}@(?:[^\s:|;@.]{1,63}\.){1,8}[^\s:|;@.]{1,63})\s*[:|;]\s*\S/
// How mail programs and scripts write an address with its owner's name, or as a link: "Jo Li <jo@example.com>",
// "mailto:jo@example.com".
const NAMED = /^[^<>]*<\s*(?:mailto:)?([^<>\s@]{1,64}@[^<>\s@]{1,255})\s*>$/i
const MAILTO = /^mailto:\s*/i

/** The address of an "email:password" login, a named address or a mailto link; any other text as it is. */
export function accountEmail (text: string): string {
  const trimmed = text.trim()
  const address = NAMED.exec(trimmed)?.[1] ?? trimmed.replace(MAILTO, '')
  return LOGIN.exec(address)?.[1] ?? address
}
