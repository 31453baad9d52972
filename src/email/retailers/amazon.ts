import type { RetailerRule } from './retailer-rule.ts'

/** Amazon's subjects start with the event and quote the first item: `Shipped: "Pokémon TCG..." and 1 more item`. */
export const amazon: RetailerRule = {
  id: 'amazon',
  name: 'Amazon',
  senders: [{ domain: 'amazon.com' }],
  subjects: {
    'partial-cancellation': [/^item cancel+ed\b/i, /\bitem (?:has been |was )?cancel+ed\b/i],
    'partial-shipping': [/^partially shipped:/i],
    delivered: [/^delivered:/i],
    shipping: [/^shipped:/i, /^out for delivery:/i],
    'order-confirmation': [/^ordered:/i, /^your amazon\.com order (?:of\b|#\s?\d{3}-\d{7}-\d{7})/i]
  },
  orderNumbers: [/\b(\d{3}-\d{7}-\d{7})\b/]
}
