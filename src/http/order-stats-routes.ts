import type { FastifyInstance } from 'fastify'
import { formatCents } from '../orders/parse-money.ts'
import { listSpendCurrencies } from '../store/order-currency-query.ts'
import { computeOrderStats, type GroupStats, VOID_STATUSES } from '../store/order-stats-repository.ts'
import type { Store } from '../store/open-store.ts'
import { orderFilterProperties, toOrderFilter } from './order-query.ts'

const moneyText = { type: 'string', description: 'A decimal string with two places, summed exactly' }
const group = {
  type: 'array',
  items: {
    type: 'object',
    properties: { key: { type: ['string', 'null'] }, checkouts: { type: 'integer' }, spend: moneyText, cancellations: { type: 'integer' } }
  }
}

export function registerOrderStatsRoutes (app: FastifyInstance, store: Store): void {
  app.get('/api/v2/orders/stats', {
    schema: {
      summary: 'Counts, spend and commission for a date range, per day and per store, profile and proxy list',
      description: `Orders are counted by \`created_at\` (when ROMS received them), days in UTC. Spend and commission leave out orders that are ${VOID_STATUSES.join(', ')}. ` +
        'Per store, profile and proxy list: the 50 with the most checkouts.',
      tags: ['orders'],
      querystring: {
        type: 'object',
        properties: { from: orderFilterProperties.from, to: orderFilterProperties.to },
        additionalProperties: false
      },
      response: {
        200: {
          type: 'object',
          properties: {
            success: { type: 'boolean' },
            from: { type: ['string', 'null'] },
            to: { type: ['string', 'null'] },
            orders: { type: 'integer' },
            by_status: { type: 'object', additionalProperties: { type: 'integer' } },
            spend: moneyText,
            commission: moneyText,
            currencies: {
              type: 'array',
              items: { type: ['string', 'null'] },
              description: 'The currencies of the orders spend counts, sorted, null last when some have none: amounts are added as they are, never converted'
            },
            per_day: {
              type: 'array',
              items: { type: 'object', properties: { day: { type: 'string' }, orders: { type: 'integer' }, spend: moneyText } }
            },
            by_store: group,
            by_profile: group,
            by_proxy_list: group
          }
        },
        '4xx': { $ref: 'Error#' }
      }
    }
  }, async (request) => {
    const { from, to } = toOrderFilter(request.query as { from?: string, to?: string })
    const [stats, currencies] = await Promise.all([computeOrderStats(store.db, { from, to }), listSpendCurrencies(store.db, { from, to })])
    return {
      success: true,
      from: from ?? null,
      to: to ?? null,
      orders: stats.orders,
      by_status: Object.fromEntries(stats.byStatus.map((s) => [s.status, s.count])),
      spend: formatCents(stats.spendCents),
      commission: formatCents(stats.commissionCents),
      currencies,
      per_day: stats.perDay.map((d) => ({ day: d.day, orders: d.orders, spend: formatCents(d.spendCents) })),
      by_store: stats.byStore.map(toGroupJson),
      by_profile: stats.byProfile.map(toGroupJson),
      by_proxy_list: stats.byProxyList.map(toGroupJson)
    }
  })
}

function toGroupJson (group: GroupStats): Record<string, unknown> {
  return { key: group.key, checkouts: group.checkouts, spend: formatCents(group.spendCents), cancellations: group.cancellations }
}
