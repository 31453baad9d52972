import type { RetailerRule } from './retailer-rule.ts'

export const pokemonCenter: RetailerRule = {
  id: 'pokemon-center',
  name: 'Pokémon Center',
  senders: [{ domain: 'pokemoncenter.com' }],
  orderNumbers: [/\b(P\d{9})\b/]
}
