// Account lists, and the bots that print the account they checked out with, write a login as "email:password" (or with
// "|" or ";"): the part after the address is a password and must never be stored or shown.
const LOGIN = /^([^\s:|;@]+@[^\s:|;@]+\.[^\s:|;@]+)\s*[:|;]\s*\S/
// How mail programs and scripts write an address with its owner's name, or as a link: "Jo Li <jo@example.com>",
// "mailto:jo@example.com".
const NAMED = /^[^<>]*<\s*(?:mailto:)?([^<>\s]+@[^<>\s]+)\s*>$/i
const MAILTO = /^mailto:\s*/i

/** The address of an "email:password" login, a named address or a mailto link; any other text as it is. */
export function accountEmail (text: string): string {
  const trimmed = text.trim()
  const address = NAMED.exec(trimmed)?.[1] ?? trimmed.replace(MAILTO, '')
  return LOGIN.exec(address)?.[1] ?? address
}
