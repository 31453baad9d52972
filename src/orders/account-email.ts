// Account lists, and the bots that print the account they checked out with, write a login as "email:password" (or with
// "|" or ";"): the part after the address is a password and must never be stored or shown.
const LOGIN = /^([^\s:|;@]+@[^\s:|;@]+\.[^\s:|;@]+)\s*[:|;]\s*\S/

/** The address of an "email:password" login; any other text as it is. */
export function accountEmail (text: string): string {
  return LOGIN.exec(text)?.[1] ?? text
}
