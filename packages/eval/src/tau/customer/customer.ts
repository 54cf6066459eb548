/**
 * The scripted customer of `eval tau`: code, no model. It opens with its first goal (with all,
 * some or none of the details, by seed), answers the desk's questions from what it knows, reads
 * the action the desk states and says yes only when it matches its goal, then moves to the next
 * goal. It gives up after repeating itself three times for one goal.
 */
import type { StoreSnapshot } from '@switchboard/core';
import type { Goal, Persona } from './knowledge.js';
import { Choices, identityPhrase } from './phrases.js';
import { restate, sayAddress, sayItems, sayOrder, sayPayment, sayReason, sayRequest, sayWanted, type Detail, type SayContext } from './requests.js';

const DONE = /(?:^|\n)Done:|I've sent a password reset|Good news: our team approved/;
const REFUSED = /(?:^|\n)I can't [^\n]*?: |doesn't cover/;
const CONFIRM = /Shall I go ahead|reply yes to (?:confirm|go ahead)/i;
const IDENTITY = /verify your account|couldn't find an account|find your account/i;
const ORDER = /which order|couldn't find order/i;
const ITEMS = /which items|which [\w -]+ do you mean/i;
const WANTED = /instead of the ([\w -]+?)(?: \(|\?)|several options fit for the ([\w -]+?)\.|option of the ([\w -]+?) isn't available|option of the ([\w -]+?)\./i;
const PAYMENT = /which (?:other )?payment method|where should the refund go|refund can only go/i;
const REASON = /why would you like to cancel/i;
const ADDRESS = /what's the new/i;
const CLARIFY = /is it about|not sure I understood|could you tell me a little more/i;
const MAX_RESTATES = 3;

/** What the customer said last about a goal, for the trial report. */
export interface CustomerState {
  /** Goals finished (done or refused), in order. */
  finished: number;
  /** Why the customer stopped early, if it did. */
  gaveUp?: string;
}

/** One scripted customer for one trial. */
export class ScriptedCustomer {
  private readonly context: SayContext;
  private readonly goals: readonly Goal[];
  private goal = 0;
  private restates = 0;
  private identityAttempts = 0;
  private readonly detail: Detail;
  /** The wording of the current goal's request (0–1). */
  private variant: number;
  /** A request to send after the desk answers the current message. */
  private queued: string | undefined;
  readonly state: CustomerState = { finished: 0 };

  constructor(persona: Persona, options: { snapshot: StoreSnapshot; seed: number }) {
    const choices = new Choices(options.seed);
    this.context = { persona, snapshot: options.snapshot, choices };
    this.goals = persona.goals;
    this.detail = choices.pick<Detail>(['all', 'all', 'some', 'none']);
    this.variant = choices.next();
  }

  private get current(): Goal | undefined {
    return this.goals[this.goal];
  }

  /** The first message: a greeting, sometimes who they are, and the first goal. */
  opening(): string {
    const { choices, persona } = this.context;
    const greeting = choices.pick(['Hi', 'Hello', 'Hi there', 'Good morning']);
    const goal = this.current;
    if (!goal) return `${greeting}, I had a question about my order, but I've decided to keep everything as it is. Thanks anyway!`;
    const request = sayRequest(goal, { detail: this.detail, context: this.context, variant: this.variant });
    if (choices.chance(0.3)) {
      this.identityAttempts += 1;
      return `${greeting}! ${identityPhrase(persona, { choices, attempt: 0 })} ${request}`;
    }
    return `${greeting}! ${request}`;
  }

  /** The next goal's request, or `undefined` when every goal is finished. */
  private nextGoal(): string | undefined {
    this.goal += 1;
    this.state.finished += 1;
    this.restates = 0;
    const goal = this.current;
    if (!goal) return undefined;
    const detail = this.context.choices.pick<Detail>(['all', 'all', 'some']);
    this.variant = this.context.choices.next();
    return `${this.context.choices.pick(['Thanks. ', 'Great, thank you. ', 'Also, ', ''])}${sayRequest(goal, { detail, context: this.context, variant: this.variant })}`;
  }

  private again(goal: Goal, why: string): string | undefined {
    this.restates += 1;
    if (this.restates > MAX_RESTATES) {
      this.state.gaveUp = why;
      return undefined;
    }
    return restate(goal, { context: this.context, rephrase: this.restates, variant: this.variant });
  }

  /**
   * The answer to the desk's reply, or `undefined` when the conversation is over (every goal
   * finished, or the customer gave up).
   */
  respond(reply: string): string | undefined {
    if (this.queued !== undefined) {
      const queued = this.queued;
      this.queued = undefined;
      return queued;
    }
    const goal = this.current;
    if (!goal) return undefined;
    const { choices, persona } = this.context;
    if (DONE.test(reply)) return this.nextGoal();
    if (REFUSED.test(reply)) {
      const next = this.nextGoal();
      // The desk still waits on a question about the refused goal: decline it first, then go on.
      if (!/\bsay no\b|which other payment method/i.test(reply)) return next;
      this.queued = next;
      return 'No, never mind then.';
    }
    if (CONFIRM.test(reply)) {
      const mismatch = checkSummary(goal, reply);
      if (mismatch === undefined) return choices.pick(['Yes.', 'Yes, please.', 'Yes, go ahead.', "Yes, that's correct.", 'yes']);
      const again = this.again(goal, `the stated action did not match the goal (${mismatch})`);
      return again === undefined ? undefined : `No, that's not right. ${again}`;
    }
    if (IDENTITY.test(reply)) {
      this.identityAttempts += 1;
      if (this.identityAttempts > 4) return this.again(goal, 'identity not accepted');
      return identityPhrase(persona, { choices, attempt: this.identityAttempts });
    }
    if (CLARIFY.test(reply)) return this.again(goal, 'the desk did not understand the request');
    const wanted = WANTED.exec(reply);
    if (wanted) return sayWanted(goal, { productName: wanted[1] ?? wanted[2] ?? wanted[3] ?? wanted[4] ?? '', context: this.context }) ?? this.again(goal, 'asked for options it has no goal for');
    if (ITEMS.test(reply)) return `${choices.pick(['', 'It is ', 'I mean '])}${sayItems(goal, { ...this.context, full: true })}.`;
    if (ORDER.test(reply)) return sayOrder(goal, this.context);
    if (PAYMENT.test(reply)) return sayPayment(goal, this.context) || this.again(goal, 'asked for a payment method');
    if (REASON.test(reply)) return sayReason(goal, this.context) || this.again(goal, 'asked for a reason');
    if (ADDRESS.test(reply)) return sayAddress(goal, this.context) || this.again(goal, 'asked for an address');
    return this.again(goal, `could not answer: ${reply.slice(0, 120)}`);
  }
}

const lower = (text: string): string => text.toLowerCase();

/** Why the action the desk states differs from the goal, or `undefined` when it matches. */
export function checkSummary(goal: Goal, summary: string): string | undefined {
  const text = lower(summary);
  if (goal.kind !== 'user_address' && !summary.includes(goal.orderId)) return `order ${goal.orderId} not named`;
  switch (goal.kind) {
    case 'cancel':
      return text.includes(goal.reason) ? undefined : 'wrong reason';
    case 'modify_payment':
      return paymentNamed(goal.payment, text) ? undefined : 'wrong payment method';
    case 'order_address':
    case 'user_address':
      return text.includes(lower(goal.address.address1)) && text.includes(goal.address.zip) ? undefined : 'wrong address';
    case 'return': {
      const missing = goal.items.find((item) => !text.includes(lower(item.item.name)));
      if (missing) return `${missing.item.name} not listed`;
      return paymentNamed(goal.payment, text) ? undefined : 'wrong refund method';
    }
    case 'exchange':
    case 'modify_items': {
      const lines = text.split('\n').filter((line) => line.includes('→'));
      for (const item of goal.items) {
        // The line of this item: its name and current options before the arrow, every wanted option after it.
        const fits = (line: string): boolean => {
          const [before = '', after = ''] = line.split('→');
          const described = (options: Record<string, string>): string => lower(`${item.item.name} (${Object.values(options).join(', ')})`);
          return before.includes(described(item.item.options)) && after.includes(described(item.wanted?.options ?? {}));
        };
        if (!lines.some(fits)) return `${item.item.name} not changed as wanted`;
      }
      return lines.length === goal.items.length && paymentNamed(goal.payment, text) ? undefined : 'wrong items or payment method';
    }
  }
}

function paymentNamed(payment: { source: string; last_four?: string }, text: string): boolean {
  switch (payment.source) {
    case 'paypal':
      return text.includes('paypal');
    case 'gift_card':
      return text.includes('gift card');
    default:
      return payment.last_four !== undefined && text.includes(payment.last_four);
  }
}
