import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readEmail } from '../../src/email/read-email.ts'
import { normalizePatch } from '../../src/orders/normalize-patch.ts'
import { FIXTURES_DIR } from './support/fixture-path.ts'

// Emails laid out as the retailers' own templates lay them out (hand-written, not rendered from cases): the shared
// suite's fixtures all use one layout, and real templates differ in entities, tables and labels.
const read = async (name: string) => await readEmail(readFileSync(`${FIXTURES_DIR}hand-written/${name}.eml`))

describe('emails as retailers\' templates write them', () => {
  it('reads HTML\'s named entities: umlauts, the euro sign and the typographic quotes of a German shop', async () => {
    const { patch } = await read('snipes-de-html-entities-confirmation')
    expect(patch?.items).toEqual([{ title: 'adidas Samba OG „Weiß“', variant: '44 ⅔', sku: null, quantity: 1, unitPrice: '119,99 €' }])
    expect(patch?.fields.total).toBe('124,98 €')
  })
})

describe('Shopify\'s order confirmation template', () => {
  it('reads "Title × 2", the variant line under it and the line\'s price as the price of one', async () => {
    const { patch } = await read('shopify-template-confirmation')
    expect(patch?.items).toEqual([
      { title: 'Nike Air Foamposite One \'Galaxy\'', variant: '10.5', sku: null, quantity: 1, unitPrice: '$250.00' },
      { title: 'UNDFTD Icon Tee', variant: 'Black / L', sku: null, quantity: 2, unitPrice: '40.00' }
    ])
    expect(patch?.fields).toMatchObject({ product: 'Nike Air Foamposite One \'Galaxy\'', size: '10.5', quantity: 3 })
  })

  it('reads the total from its own cell, the label and the amount in paragraphs of their own', async () => {
    expect((await read('shopify-template-confirmation')).patch?.fields.total).toBe('$371.49 USD')
  })
})

describe('amounts with the currency code after them', () => {
  it('reads the code a Shopify store writes after a bare "$" ("$250.00 CAD") as the order\'s currency', async () => {
    const raw = readFileSync(`${FIXTURES_DIR}hand-written/shopify-template-confirmation.eml`, 'latin1').replaceAll(' USD', ' CAD')
    const { patch } = await readEmail(Buffer.from(raw, 'latin1'))
    expect(patch?.fields.total).toBe('$371.49 CAD')
    expect(normalizePatch(patch ?? { orderNumber: '', fields: {} }).fields).toMatchObject({ total: '371.49', currency: 'CAD' })
  })
})

describe('prices written per unit', () => {
  it('reads "$26.99 / ea" as the price, not as part of the title', async () => {
    const { patch } = await read('target-price-each-shipping')
    expect(patch?.items).toEqual([
      { title: 'Pokémon Trading Card Game: Scarlet & Violet Booster Bundle', variant: null, sku: null, quantity: 3, unitPrice: '$26.99' }
    ])
  })
})

describe('WooCommerce\'s order email template', () => {
  it('reads the item meta\'s size from the line under its label and the Quantity column\'s bare number', async () => {
    const { patch } = await read('woocommerce-template-processing')
    expect(patch?.items).toEqual([
      { title: 'Air Jordan 11 Retro "Gamma Blue"', variant: '10.5', sku: null, quantity: 2, unitPrice: '$460.00' },
      { title: 'Crep Protect Spray', variant: null, sku: null, quantity: 1, unitPrice: '$15.00' }
    ])
    expect(patch?.fields).toMatchObject({ size: '10.5', quantity: 3, total: '$485.00' })
  })
})

describe('text emails that write the quantity before the title', () => {
  it('reads "2 x Box Logo Hooded Sweatshirt - Heather Grey / Large    $336.00" as 2 of that item', async () => {
    const { patch } = await read('supreme-text-quantity-first')
    expect(patch?.items).toEqual([
      { title: 'Box Logo Hooded Sweatshirt - Heather Grey / Large', variant: null, sku: null, quantity: 2, unitPrice: '$336.00' },
      { title: 'Supreme/Nike Air Force 1 Low - White / US 10', variant: null, sku: null, quantity: 1, unitPrice: '$124.00' }
    ])
    expect(patch?.fields).toMatchObject({ product: 'Box Logo Hooded Sweatshirt - Heather Grey / Large', quantity: 3 })
  })
})
