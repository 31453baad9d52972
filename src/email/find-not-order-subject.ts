/**
 * Subjects of the other mail retailers send to the same accounts: promotions, carts, reviews, account messages,
 * returns and refunds (of an order that was delivered: "Your return for order ... was received" is no confirmation),
 * delays and questions ("Has your order been delivered?").
 * They say "shipped", "on its way", "order" and "#1" too ("The Air Max 1 is on its way back", "Deals shipped free",
 * "How was your order?") and would otherwise set an order's status or order date, or create an order "1". Checked
 * on the subject only: real order emails carry promotions and an unsubscribe link in their bodies.
 */
const NOT_ORDER_SUBJECTS: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:write|leave|post) a review\b|\breview (?:your|the|my) (?:recent )?(?:purchase|order|item)s?\b|\brate (?:your|the|my)\b|\bsurvey\b|\bfeedback\b|\bhow (?:was|did|do you like)\b|\btell us\b/i, 'a review or survey request'],
  [/\bpassword\b|\bsign[- ]?in\b|\blog[- ]?in\b|\bverify your\b|\bverification\b|\bsecurity code\b|\bone[- ]time (?:code|passcode)\b|\bwelcome to\b/i, 'an account message'],
  [/\byour (?:shopping )?(?:cart|bag|basket)\b|\bleft (?:something|items?|it) (?:in|behind)\b|\bstill (?:thinking|interested)\b/i, 'a cart reminder'],
  // "Order #1044 has been canceled and refunded" is the cancellation it says.
  [/^(?!.*\bcancel).*(?:\breturn(?:s|ed|ing)?\b|\brefund(?:s|ed|ing)?\b|\bexchange\b)/i, 'a return or refund'],
  [/\bdelay(?:s|ed)?\b/i, 'a delay notice'],
  [/\?\s*$/, 'a question'],
  [/\bdeals?\b|\bnew arrivals?\b|\bjust (?:in|dropped|landed)\b|\bback in stock\b|\brestock(?:ed)?\b|\bnewsletter\b|\bwish ?list\b|\bgift guide\b|\blast chance\b|\bcoming soon\b|\d+\s?% off\b|\bon (?:its|their) way back\b|\bfree shipping\b|\bships? free\b|\bshipped free\b/i, 'a promotion']
]

/** What the subject says the email is when it is not news of an order, else undefined. */
export function findNotOrderSubject (subject: string): string | undefined {
  return NOT_ORDER_SUBJECTS.find(([pattern]) => pattern.test(subject))?.[1]
}
