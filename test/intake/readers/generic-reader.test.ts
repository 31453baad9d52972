import { expect } from 'vitest'
import { genericReader } from '../../../src/intake/readers/generic-reader.ts'
import { orderReading, testReader } from '../../helpers/test-reader.ts'

const HEADERS = { 'Content-Type': 'application/json' }

testReader(genericReader, [
  {
    name: 'reads a script\'s line_items, whose name is the product, into items, product and quantity',
    headers: HEADERS,
    body: { order_number: 'LI-1', total: '30.00', line_items: [{ name: 'Dunk Low', quantity: 2, price: '10.00', size: '10' }, { title: 'Socks', qty: 1, price: '10.00' }] },
    expected: orderReading('LI-1', { total: '30.00', product: 'Dunk Low + 1 more', quantity: 3 }, {
      items: [
        { title: 'Dunk Low', variant: '10', sku: undefined, quantity: 2, unitPrice: '10.00' },
        { title: 'Socks', variant: undefined, sku: undefined, quantity: 1, unitPrice: '10.00' }
      ],
      extra: expect.objectContaining({ line_items: expect.any(Array) })
    })
  },
  {
    name: 'gives the order the size, sku and price of its only item, as written',
    headers: HEADERS,
    body: { order_number: 'LI-2', Items: [{ Product: 'Samba OG', Size: 'EU 44', SKU: 'B75806', Quantity: 'x2', Price: '€99,95' }] },
    expected: orderReading('LI-2', { product: 'Samba OG', quantity: 2, size: 'EU 44', sku: 'B75806', price: '€99,95' }, {
      items: [{ title: 'Samba OG', variant: 'EU 44', sku: 'B75806', quantity: 'x2', unitPrice: '€99,95' }]
    })
  },
  {
    name: 'keeps the order\'s own product and quantity over what its items add up to',
    headers: HEADERS,
    body: { order_number: 'LI-3', product: 'Bundle', quantity: 1, items: [{ product: 'A' }, { product: 'B' }] },
    expected: orderReading('LI-3', { product: 'Bundle', quantity: 1 }, { items: expect.any(Array) })
  },
  {
    name: 'does not make items of a list that names no product, such as ids',
    headers: HEADERS,
    body: { order_number: 'LI-4', products: [{ id: 5 }, { id: 6 }] },
    expected: { kind: 'order', patch: { orderNumber: 'LI-4', fields: {}, extra: { products: [{ id: 5 }, { id: 6 }] } } }
  }
])
