import { examplesFor, type RoutingExample } from './define.js';

/**
 * CANCELLATION_FEE: check_cancellation_fee (what cancelling costs: fees, penalties, early exit).
 * Boundaries: actually cancelling an order is cancel_order; closing an account is delete_account;
 * a restocking fee on a return is check_refund_policy.
 */
const checkCancellationFee = examplesFor('check_cancellation_fee', [
  'is there a fee to cancel?', 'cancellation fee', 'how much does it cost to cancel my order',
  'early termination fee', 'will I be charged if I cancel my subscription?',
  'what is the penalty for cancelling early', 'do you charge for cancellations',
  'exit fee for ending my contract', 'check the cancellation charges', 'is cancelling free',
  "what's the early exit penalty", 'are there any cancellation penalties', 'withdrawal fee',
  'how much will you charge me if I cancel my plan', 'I want to see the termination fees',
  'cancellation costs', 'do I pay anything to cancel my membership',
  'is there a charge for cancelling an order after it ships', 'cancelation fee?', 'early termnation fee',
  'how much is the cancellation penalty', "I don't want to cancel yet, I just want to know the fee",
  'what fees apply if I cancel the contract early', 'can I cancel without paying a fee',
  'will I lose money if I cancel', 'do you have an early withdrawal penalty',
  'how do I check the cancellation fee', 'termination charges', 'how much is the exit charge',
  'penalty for canceling', 'i want to know the early termination charge before cancelling',
  'is the cancellation fee refundable', 'what will it cost me to terminate my contract early',
  'cancellation charge for a pre-order?', 'is there a fee for cancelling within 14 days',
  'where can I see the early cancellation fees', 'check early exit fees', 'termination penalty',
  'do you take a fee when I cancel my plan', 'how much do you charge for early termination',
  'are there costs involved in cancelling', 'fees for cancelling my subscription',
  'i need to check the withdrawal penalties', 'any charges if i cancel',
  'what is the fee for early cancellation', 'how much does cancelling my membership cost',
  'cancellation fees for annual plans', 'is there a penalty if I leave the contract early',
  'tell me about cancellation fees', 'show me the early termination penalties', "what's the cost to cancel",
  'cancelling fee amount', 'will cancelling the order cost me anything',
  'do i have to pay a cancellation fee', 'early exit charges',
  'i want to check how much the termination fee is', 'cost of early termination',
  'the cancellation fee seems high, how much is it exactly', 'what are the withdrawal charges',
  'can you tell me the penalty for ending early', 'check cancellation penalty',
  'is there any fee if i cancel today', 'I need assistance to check the early exit fees',
  'no idea where to see the termination penalty', 'I want information about cancellation charges',
  "I'm trying to find the early termination fee", 'could you help me check the withdrawal penalty',
  'I cannot find the cancellation charges', "I can't find the early termination charge",
  'where can i find the exit fees', 'help me find out about cancellation charges',
  'how much does cancelling cost', 'does it cost anything to cancel my order',
  'is cancelling an order free of charge', 'will I pay a fee if I cancel the order',
  'do I lose money when I cancel', 'cost of cancelling a pre-order',
  'I just want to know the fee, not cancel', 'how much does it cost to cancel',
  'what does it cost me to cancel my order', 'is there a charge to cancel an order', 'price of cancelling',
  'how much is the exit fee',
  "Hi, I'm thinking about cancelling my subscription but I signed a 12 month contract. Is there an early termination fee?",
  "before I cancel anything, will I be charged for cancelling the order now that it's been confirmed?",
  'how much does it cost to end the contract early', 'is there a fee for breaking my contract',
]);

export const CANCELLATION_FEE_EXAMPLES: readonly RoutingExample[] = [...checkCancellationFee];
