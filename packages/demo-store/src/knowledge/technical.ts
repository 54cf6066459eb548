/**
 * Knowledge base, `technical` collection: website and app troubleshooting.
 */
import type { KnowledgeArticle } from '@switchboard/core';
import { article } from './article.js';

export const TECHNICAL_ARTICLES: readonly KnowledgeArticle[] = [
  article({
    id: 'login-problems',
    title: 'Cannot sign in',
    collection: 'technical',
    tags: ['login', 'sign in', 'cannot log in', 'password not working', 'account locked'],
    paragraphs: [
      'Check that you are using the email address of your account and that Caps Lock is off. Passwords are case-sensitive.',
      'After five wrong passwords in a row, sign-in is paused for 15 minutes to protect your account. Wait, then try again or reset your password with "Forgot password?".',
      'If the sign-in page does not respond, clear your browser cache and cookies (see "Clearing your browser cache") or try another browser or the app.',
    ],
  }),
  article({
    id: 'checkout-errors',
    title: 'Errors at checkout',
    collection: 'technical',
    tags: ['checkout error', 'cannot checkout', 'place order error', 'cart', 'error message'],
    paragraphs: [
      'If checkout shows an error, first check that every item in your cart is still available: sold-out options cannot be ordered.',
      'Make sure the shipping address is in the United States with a 5-digit zip code, and that the payment details are complete. A declined payment shows its own message (see "Payment failed or was declined").',
      'If the page keeps failing, refresh it, clear your browser cache, or use the app. Your cart is saved on your account, so you will not lose it.',
      'If nothing helps, tell us the exact error message and the time it happened, and our technical team will look into it.',
    ],
  }),
  article({
    id: 'clear-cache',
    title: 'Clearing your browser cache',
    collection: 'technical',
    tags: ['cache', 'cookies', 'browser', 'page not loading', 'website not working', 'blank page'],
    paragraphs: [
      'Many display problems, pages that do not load, and buttons that do nothing are fixed by clearing the cache and cookies of your browser.',
      'In most browsers open Settings, then Privacy, then "Clear browsing data", choose cached images and files and cookies, and confirm. Then close and reopen the browser and sign in again.',
      'We support the two latest versions of Chrome, Firefox, Safari and Edge. Browser extensions that block scripts can also break checkout; try a private window to rule them out.',
    ],
  }),
  article({
    id: 'mobile-app',
    title: 'Problems with the mobile app',
    collection: 'technical',
    tags: ['app', 'mobile app', 'update app', 'app crash', 'ios', 'android'],
    paragraphs: [
      'First make sure the app is up to date: open the App Store or Google Play and install any update. Old versions stop working after a new one is released.',
      'If the app crashes or shows old information, close it completely and open it again. If that does not help, sign out and back in, or uninstall and reinstall it; your orders and account stay safe.',
      'The app needs iOS 16 or Android 10 or newer. Everything the app does also works on our website.',
    ],
  }),
];
