import { examplesFor, type RoutingExample } from './define.js';

/**
 * NEWSLETTER: newsletter_subscription (subscribe, unsubscribe, marketing emails).
 * Boundaries: cancelling an *order* is cancel_order, closing the *account* is delete_account.
 */
const newsletterSubscription = examplesFor('newsletter_subscription', [
  'subscribe to your newsletter', 'unsubscribe me from the newsletter',
  'how do I sign up for your newsletter?', 'stop sending me marketing emails',
  'I want to join your mailing list', 'cancel my newsletter subscription',
  'too many promo emails, take me off the list', 'newsletter', 'how can I opt out of your emails',
  'sign me up for the weekly deals email', 'i dont want your newsletter anymore', 'add me to the email list',
  'remove my email from your mailing list', 'how do i unsubscribe', 'I would like to receive your newsletter',
  'newsletter subscription question', 'subscribe', 'unsubscribe', 'how do I stop the promotional emails',
  'put me on your newsletter', 'unsubscirbe from newsleter', 'sigh up for newsletter',
  "I keep getting your newsletter even though I unsubscribed",
  'can I get the newsletter at a different email address', 'i want to subscribe with anna.k@example.com',
  'opt in to marketing emails', 'opt out of the newsletter', 'how often do you send the newsletter',
  'I never signed up for your emails, please stop them', 'please take me off your promotional list',
  'is there a newsletter I can join', "I don't want to close my account, just stop the newsletter",
  'I want to get news about offers by email', 'cancel the company newsletter',
  'subscribing to your newsletter today', 'unsubscribing from emails',
  'how can i stop receiving the corporate newsletter', 'sign up to the newsletter',
  'i want to receive email updates about new products', 'stop emailing me', 'newsletter sign up',
  'end my newsletter subscription', 'I need help subscribing to the newsletter',
  'the unsubscribe link in your email does not work', 'can i resubscribe to the newsletter',
  'please stop the spam emails', 'I want to join the newsletter to get the discount',
  'manage my email subscription', 'change my newsletter preferences', 'how to subscribe to your emails',
  'I would like my newsletter subscription cancelled', 'no more newsletters please',
  'get me off your mailing list', 'am I subscribed to your newsletter?', 'tell me about your newsletter',
  'I want your newsletter in my inbox', 'email list signup', 'wanna sign up for ur newsletter',
  'I want to stop getting marketing messages', 'subscribe me to the monthly newsletter',
  'how do I leave the mailing list', 'I want off the corporate newsletter',
  'can you add me to the newsletter', 'I need assistance subscribing to your newsletter',
  'no idea how to unsubscribe from the newsletter', 'I want information about the company newsletter',
  "I'm trying to cancel my newsletter subscription", 'could you help me sign up for the newsletter',
  'sign up to your email list', 'join the email list', 'email newsletter signup',
  'receive product updates by email', 'get emails about new products', 'subscribe my email to the newsletter',
  'add my email address to your newsletter',
  "Hi, I keep getting your promotional emails every day and it's too much. Please unsubscribe me from the newsletter.",
  "I'd love to hear about sales and new products. How do I join your newsletter?",
]);

export const NEWSLETTER_EXAMPLES: readonly RoutingExample[] = [...newsletterSubscription];
