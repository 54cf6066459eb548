/**
 * The demo store's policy numbers, in one place so the knowledge base, tools and prompts state
 * the same rules. Order and refund rules follow τ-bench retail's policy; the windows, delivery
 * times and hours are the demo company's own choices.
 * @see ../../../../shared/data/tau-bench-retail/wiki.md
 */
export const STORE_POLICY = Object.freeze({
  /** Days after delivery within which items may be returned or exchanged. */
  returnWindowDays: 30,
  /** Days after a return is requested within which the items must be handed to the carrier. */
  returnShipByDays: 14,
  /** Business days a refund to a credit card or PayPal takes to arrive (gift cards: immediately). */
  cardRefundBusinessDays: '5–7',
  /** Business days between placing an order and handing it to the carrier. */
  processingBusinessDays: '1–2',
  /** Business days in transit with standard delivery, contiguous US. */
  standardTransitBusinessDays: '3–7',
  /** Business days in transit for large items shipped by freight. */
  freightTransitBusinessDays: '5–10',
  /** Extra business days for Alaska and Hawaii. */
  remoteExtraBusinessDays: '2–4',
  /** Months of the limited warranty against manufacturing defects, from delivery. */
  warrantyMonths: 12,
  /** Days to report damaged, wrong or missing items after delivery. */
  reportProblemDays: 30,
  /** Days in which the privacy team completes a data-deletion or data-access request. */
  privacyRequestDays: 30,
  /** The two cancellation reasons the store accepts. */
  cancelReasons: ['no longer needed', 'ordered by mistake'] as const,
  /** When human agents are available, US Eastern time. */
  humanHours: 'Monday to Friday 8:00–20:00 and Saturday to Sunday 9:00–17:00 Eastern time',
  supportEmail: 'support@demo-store.example',
  supportPhone: '1-800-555-0142',
});
