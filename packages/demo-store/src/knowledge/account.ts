/**
 * Knowledge base, `account` collection: creating, verifying, editing, switching and deleting an
 * account; passwords; privacy; the newsletter.
 */
import type { KnowledgeArticle } from '@switchboard/core';
import { STORE_POLICY as P } from '../policy.js';
import { article } from './article.js';

export const ACCOUNT_ARTICLES: readonly KnowledgeArticle[] = [
  article({
    id: 'create-account',
    title: 'Creating an account',
    collection: 'account',
    tags: ['create account', 'sign up', 'register', 'new account', 'registration'],
    paragraphs: [
      'Choose "Sign up" on the website or in the app and enter your name, your email address and a password. An account is free.',
      'We send a confirmation link to your email; open it within 24 hours to activate the account. If it does not arrive, check your spam folder or ask for a new link on the sign-in page.',
      'Each email address can belong to one account. If sign-up says the email is already registered, sign in or reset your password instead.',
    ],
  }),
  article({
    id: 'identity-verification',
    title: 'Why we confirm your identity',
    collection: 'account',
    tags: ['verify identity', 'authentication', 'security', 'email', 'zip code'],
    paragraphs: [
      'Before we look at or change anything on an account, we confirm who we are talking to: with the email address of the account, or with your first name, last name and zip code.',
      'We do this even if you already gave us your user id, and we help with one account per conversation.',
      'We will never ask for your password or your full card number in the chat.',
    ],
  }),
  article({
    id: 'password-reset',
    title: 'Resetting a forgotten password',
    collection: 'account',
    tags: ['password', 'forgot password', 'reset password', 'recover account', 'locked out'],
    paragraphs: [
      'On the sign-in page choose "Forgot password?" and enter your account email. We send a reset link that works for one hour.',
      'If the email does not arrive within a few minutes, check your spam folder and make sure you used the email of your account.',
      'If you no longer have access to that email address, ask for a human agent: they confirm your identity another way and update the email on your account.',
    ],
  }),
  article({
    id: 'edit-account',
    title: 'Editing your account details',
    collection: 'account',
    tags: ['edit account', 'update details', 'change email', 'change name', 'change phone', 'default address', 'payment methods'],
    paragraphs: [
      'In Account settings you can change your name, email address, phone number and password, and add or remove saved payment methods.',
      'Your default shipping address can be changed in Account settings or by asking us in the chat. It is used for new orders; the address of an existing pending order is changed separately (see "Shipping addresses and changing them").',
      'A new email address is used only after you confirm it with the link we send to it.',
    ],
  }),
  article({
    id: 'switch-account',
    title: 'Using more than one account',
    collection: 'account',
    tags: ['switch account', 'multiple accounts', 'second account', 'merge accounts', 'sign out'],
    paragraphs: [
      'To use another account, sign out (Account menu, "Sign out") and sign in with the other email address.',
      'Accounts cannot be merged. Orders, payment methods and gift cards stay on the account they belong to.',
      'In the chat we help with one account per conversation; start a new conversation for the other account.',
    ],
  }),
  article({
    id: 'delete-account-and-privacy',
    title: 'Deleting your account and your privacy rights',
    collection: 'account',
    tags: ['delete account', 'close account', 'privacy', 'personal data', 'gdpr', 'ccpa', 'data request'],
    paragraphs: [
      'You can ask to see a copy of the personal data we hold about you, to correct it, to delete it, or to receive it in a portable format. We do not sell personal data.',
      `To delete your account, use Account settings, "Privacy", or ask us in the chat. After we confirm your identity, our privacy team completes the request within ${P.privacyRequestDays} days and emails you when it is done.`,
      'Pending orders must be delivered or cancelled first. Deleting an account removes your profile, saved addresses and payment methods; we keep order and payment records only as long as tax and accounting laws require.',
      'Deletion cannot be undone, and any gift-card balance on the account is lost, so use it first.',
    ],
  }),
  article({
    id: 'newsletter',
    title: 'Newsletter: subscribing and unsubscribing',
    collection: 'account',
    tags: ['newsletter', 'subscribe', 'unsubscribe', 'marketing email', 'emails'],
    paragraphs: [
      'Subscribe in Account settings under "Email preferences", or with the form at the bottom of our website.',
      'To stop the newsletter, use the unsubscribe link at the end of any newsletter email, or switch it off in Email preferences. It can take up to 48 hours to take effect.',
      'Emails about your orders, such as confirmations, shipping updates and return instructions, are always sent, even without the newsletter.',
    ],
  }),
];
