import type { RetailerRule } from './retailer-rule.ts'

/**
 * Amazon's subjects start with the event and quote the first item: `Shipped: "Pokémon TCG..." and 1 more item`.
 * Every marketplace sends from its own domain and writes the event in its language (amazon.co.uk "Dispatched:",
 * amazon.de "Bestellt:"/"Versandt:"/"Zugestellt:", amazon.fr "Commandé :"/"Expédié :"/"Livré :", amazon.it, amazon.es);
 * the order number has the same form everywhere.
 */
export const amazon: RetailerRule = {
  id: 'amazon',
  name: 'Amazon',
  senders: [
    { domain: 'amazon.com' },
    { domain: 'amazon.co.uk', store: 'Amazon UK' },
    { domain: 'amazon.ca', store: 'Amazon Canada' },
    { domain: 'amazon.de', store: 'Amazon Germany' },
    { domain: 'amazon.fr', store: 'Amazon France' },
    { domain: 'amazon.it', store: 'Amazon Italy' },
    { domain: 'amazon.es', store: 'Amazon Spain' },
    { domain: 'amazon.nl', store: 'Amazon Netherlands' },
    { domain: 'amazon.com.au', store: 'Amazon Australia' },
    { domain: 'amazon.co.jp', store: 'Amazon Japan' },
    { domain: 'amazon.com.mx', store: 'Amazon Mexico' }
  ],
  subjects: {
    'partial-cancellation': [/^item cancel+ed\b/i, /\bitem (?:has been |was )?cancel+ed\b/i],
    'partial-shipping': [/^partially (?:shipped|dispatched):/i],
    cancellation: [/^(?:cancel+ed|storniert|annulée?|annullato|cancelado)\s?:/iu],
    delivered: [/^(?:delivered|zugestellt|livrée?|consegnato|entregado)\s?:/iu],
    shipping: [/^(?:shipped|dispatched|out for delivery|versandt|expédiée?|spedito|enviado)\s?:/iu],
    'order-confirmation': [
      /^(?:ordered|bestellt|commandée?|ordinato|pedido realizado)\s?:/iu,
      /^your amazon\.(?:com|co\.uk|ca|com\.au) order (?:of\b|#\s?\d{3}-\d{7}-\d{7})/i
    ]
  },
  orderNumbers: [/\b(\d{3}-\d{7}-\d{7})\b/]
}
