import { adidas } from './adidas.ts'
import { amazon } from './amazon.ts'
import { bestBuy } from './best-buy.ts'
import { dicks } from './dicks.ts'
import { finishLine } from './finish-line.ts'
import { footLocker } from './foot-locker.ts'
import { gamestop } from './gamestop.ts'
import { hibbett } from './hibbett.ts'
import { nike } from './nike.ts'
import { pokemonCenter } from './pokemon-center.ts'
import type { RetailerRule } from './retailer-rule.ts'
import { shopify } from './shopify.ts'
import { snipes } from './snipes.ts'
import { supreme } from './supreme.ts'
import { target } from './target.ts'
import { walmart } from './walmart.ts'

export { generic } from './generic.ts'
export type { RetailerRule, ClassifiedKind } from './retailer-rule.ts'

export const RETAILER_RULES: readonly RetailerRule[] = [
  adidas,
  amazon,
  bestBuy,
  dicks,
  finishLine,
  footLocker,
  gamestop,
  hibbett,
  nike,
  pokemonCenter,
  shopify,
  snipes,
  supreme,
  target,
  walmart
]
