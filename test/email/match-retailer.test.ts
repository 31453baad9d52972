import { describe, expect, it } from 'vitest'
import { matchRetailer } from '../../src/email/match-retailer.ts'

describe('matchRetailer', () => {
  it('matches a subdomain of a rule\'s domain', () => {
    expect(matchRetailer('nike@official.nike.com', 'Nike')).toMatchObject({ rule: { id: 'nike' }, store: 'Nike' })
  })

  it('names the family member that sent the email', () => {
    expect(matchRetailer('orders@em.champssports.com', 'Champs').store).toBe('Champs Sports')
    expect(matchRetailer('orders@kidsfootlocker.com', null).store).toBe('Kids Foot Locker')
  })

  it('does not match a look-alike domain', () => {
    expect(matchRetailer('nike@nike.com.deals.example', 'Nike').rule.id).toBe('generic')
    expect(matchRetailer('nike@notnike.com', 'Nike').rule.id).toBe('generic')
  })

  it('takes a Shopify store\'s name from the display name', () => {
    expect(matchRetailer('store+12345678@t.shopifyemail.com', 'Kith')).toMatchObject({ rule: { id: 'shopify' }, store: 'Kith' })
  })

  it('falls back to the generic rule with no store for unknown or missing senders', () => {
    expect(matchRetailer(null, null)).toMatchObject({ rule: { id: 'generic' }, store: '' })
  })
})
