import type { FastifyInstance } from 'fastify'
import { DomainError } from '../domain-error.ts'
import { eraseCustomer } from '../store/erase-customer.ts'
import type { Store } from '../store/open-store.ts'

/** Erasure on request (GDPR art. 17, CCPA deletion). Not an open route: the access rule guards it. */
export function registerCustomerRoutes (app: FastifyInstance, store: Store, clock: () => Date): void {
  app.delete('/api/v2/customers/:email', {
    schema: {
      summary: 'Erase one customer\'s personal data',
      description: 'Clears the email, name and personal extra fields of the customer\'s orders, the values they had in ' +
        'the order history, and the raw bodies of the deliveries and emails that carried the address. Orders, amounts, ' +
        'items and tracking stay. Deliveries that arrive later are not erased: run it again if needed.',
      tags: ['customers'],
      params: { type: 'object', properties: { email: { type: 'string', minLength: 3, maxLength: 320 } }, required: ['email'] },
      response: {
        200: {
          type: 'object',
          properties: {
            success: { type: 'boolean' },
            erased: {
              type: 'object',
              properties: { orders: { type: 'integer' }, events: { type: 'integer' }, deliveries: { type: 'integer' }, emails: { type: 'integer' } }
            }
          }
        },
        '4xx': { $ref: 'Error#' }
      }
    }
  }, async (request) => {
    const { email } = request.params as { email: string }
    if (!/^[^@\s]+@[^@\s]+$/.test(email.trim())) throw new DomainError('INVALID_FIELD', 'email must be an email address', { field: 'email' })
    return { success: true, erased: await eraseCustomer(store, email, clock()) }
  })
}
