import { examplesFor, type RoutingExample } from './define.js';

/**
 * TECHNICAL (ours): technical_issue — the website or app misbehaves: errors, crashes, login pages
 * that fail, checkout pages that do not load.
 * Boundaries: a declined card or a double charge is payment_issue; a forgotten password is
 * recover_password; a sign-up form that fails is registration_problems.
 */
const technicalIssue = examplesFor('technical_issue', [
  'the website is not loading', 'your app keeps crashing', 'the login page gives me an error 500',
  'checkout button does nothing', 'the page is frozen', 'my cart keeps emptying itself',
  'images are not loading on your site', 'the app says something went wrong', 'website down?',
  'I get a blank page when I open the app', 'the site is really slow today',
  "I can't log in, the page just reloads", 'bug on the product page', 'the app crashes when I open my orders',
  'error message on checkout page', 'I keep getting logged out of the app', 'the search bar is broken',
  'the discount code field throws an error', 'your website is broken', 'technical problem with the app',
  'the app will not update', 'page not found when I click my order', 'the checkout page will not load',
  'app is glitching', 'webiste not wroking', 'ap keeps craching',
  'the two factor code never arrives when I log in', 'I just updated the app and now nothing loads',
  'your site does not work on my phone', 'the add to cart button is not working',
  "I can't see my orders, the page is empty", 'login error', 'the app freezes on the payment screen',
  'it says server error', 'the website keeps timing out', 'technical issue',
  'the app logs me out every time I try to check out', 'captcha is not loading',
  'the site looks broken in Chrome', 'I cannot upload a photo for my review, it errors',
  'the page keeps spinning forever', 'there is a bug in your app', 'the login button is greyed out',
  'your app is not compatible with my android', 'after the latest update the app is so slow',
  'I tried different browsers and your site still fails', 'links in the app do not open',
  'the website shows a security warning', 'the chat widget does not load',
  'the app is stuck on the splash screen', 'nothing happens when I press submit',
  'my account page will not open', 'site error', 'the checkout keeps failing with an unknown error',
  'I see error code 403 on your site', 'the app crashed and lost my cart',
  'the site is stuck in a login loop', 'notifications from the app are not working',
  'technical difficulties on your website', 'the website is not working properly',
  'my cart is empty even though I added items', 'the option to pick a size is not showing',
  'I need to report a bug on your website', 'the website shows an error when I try to log in',
  'your app keeps giving me an error message', "the products I added don't show up in my cart",
  "the checkout page doesn't show the cash on delivery choice at all", 'a button I need is missing from the app screen',
  'the app shows a blank screen at checkout', 'the site gives a server error', 'internal server error',
  'error 500 on checkout', "the app won't open", "my account page won't load", "the orders page doesn't load",
  "I can't upload images", 'upload fails on your site', "the site doesn't work in any browser",
  "the cart doesn't keep my items", 'cart is empty after adding products', 'items vanish from my cart',
  'the product page is broken', 'page not found error', 'nothing happens when I click the button',
  'clicking buy now does nothing', 'the verification code for login never arrives',
  'items disappear from my cart', 'the size selector is not showing on the page',
  "the submit button doesn't work", "the buy now button doesn't respond",
  'add to cart does nothing when I click', 'photo upload fails with an error',
  "Hey, your website's broken. Every time I click checkout it just shows an error page.",
  'since the latest update the app takes forever to load and then crashes. fix it please',
  'your update broke the app, nothing loads anymore',
  "I tried two browsers and my phone, the site still won't let me log in. It just spins.",
]);

export const TECHNICAL_EXAMPLES: readonly RoutingExample[] = [...technicalIssue];
