export interface Address {
  address: string
  name: string
}

const ANGLED = /^(.*?)\s*[<[](?:mailto:)?([^\s<>[\]]+@[^\s<>[\]]+)[>\]]/i
const BARE = /([^\s<>"'[\]:]+@[^\s<>"'[\]]+\.[a-z]{2,})/i

/** An address as quoted in a forward: `Nike <nike@official.nike.com>`, `Nike [mailto:nike@...]`, or bare. */
export function parseAddress (text: string): Address | undefined {
  const angled = ANGLED.exec(text.trim())
  if (angled?.[2] !== undefined) return { address: angled[2].toLowerCase(), name: unquote(angled[1] ?? '') }
  const bare = BARE.exec(text)
  if (bare?.[1] === undefined) return undefined
  return { address: bare[1].toLowerCase(), name: unquote(text.replace(bare[1], '').replace(/[<>]/g, '')) }
}

function unquote (name: string): string {
  return name.trim().replace(/^["']|["']$/g, '').trim()
}
