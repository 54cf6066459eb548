/**
 * Phrase patterns behind the triage signals and urgency. All are case-insensitive and are
 * matched against normalized text with typographic apostrophes straightened. None carries the
 * `g` flag, so `test()` is stateless.
 */

import { anyPattern } from '@switchboard/core';

const PERSON = String.raw`(?:(?:a|an|the|some|your|one\s+of\s+your)\s+)?(?:(?:real|live|actual|human|customer\s+service|customer\s+support|support)\s+)?(?:person|human(?:\s+being)?|agent|representative|rep|someone|somebody|manager|supervisor|operator|employee|staff(?:\s+member)?|people|associate)`;

/** Explicit requests for a human. Questions about the bot ("are you a bot?") and mentions of a past agent do not match. */
export const HUMAN_REQUEST_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:talk|speak|chat)\s+(?:to|with)\s+${PERSON}\b`, 'i'),
  new RegExp(String.raw`\b(?:connect|transfer|put|pass|escalate|forward|send)\s+me\s+(?:through\s+|over\s+|on\s+)?(?:to|with)\s+${PERSON}\b`, 'i'),
  new RegExp(String.raw`\b(?:get|give|find|want|need|request|requesting|prefer)\s+(?:me\s+)?(?:a|an|the)?\s*(?:real|live|actual)?\s*(?:human|person|agent|representative|rep|operator|manager|supervisor)\b(?!\s+(?:was|is|said|told))`, 'i'),
  /\b(?:human|agent|operator|representative|rep|person|manager|supervisor)\s*(?:,\s*)?(?:please|pls|plz|now|asap)\b/i,
  /^\s*(?:human|agent|operator|representative|real person|live agent|live person|customer service)\s*[.!?]*\s*$/i,
  /\b(?:i|we)\s+(?:want|need|would\s+like|'d\s+like)\s+(?:a\s+)?(?:human|person)\s+(?:to|who)\b/i,
  /\b(?:let\s+me|can\s+i|could\s+i|may\s+i)\s+(?:talk|speak)\s+to\s+someone\b/i,
];

/** Negations that cancel a human request just before it ("I don't need to talk to a person"). */
export const HUMAN_REQUEST_NEGATION = /\b(?:don't|do\s+not|dont|no\s+need\s+to|never|not|without|rather\s+not)\s+(?:\w+\s+){0,3}$/i;

/** Legal action, regulators and chargebacks. */
export const LEGAL_PATTERNS: readonly RegExp[] = [
  /\b(?:lawyers?|attorneys?|solicitors?|lawsuits?|litigation|legal\s+(?:action|proceedings|steps|department|team|counsel)|class[-\s]action|small[-\s]claims)\b/i,
  /\b(?:sue|suing)\s+(?:you|u|your|them|the\s+company|this\s+company|amazon|everyone)\b|\b(?:will|going\s+to|gonna|i'll|i\s+will|to)\s+sue\b/i,
  /\b(?:to|in|see\s+you\s+in)\s+court\b|\bcourt\s+(?:case|action|order|claim)\b/i,
  /\bcharge[-\s]?backs?\b|\bdispute\s+(?:the|this|these|my)\s+(?:charge|transaction|payment)s?\b/i,
  /\breport(?:ing)?\s+(?:you|this|your\s+company|the\s+company|it)?\s*to\s+(?:the\s+)?(?:bbb|better\s+business\s+bureau|authorities|police|ftc|attorney\s+general|consumer\s+(?:protection|affairs|rights)|trading\s+standards|regulators?|cfpb)\b/i,
  /\b(?:bbb|better\s+business\s+bureau|ftc|attorney\s+general|cfpb)\b/i,
];

/** Threats of violence or harm. */
export const VIOLENCE_PATTERNS: readonly RegExp[] = [
  /\b(?:i(?:'ll|\s+will|\s+am\s+going\s+to|'m\s+going\s+to|'m\s+gonna|\s+am\s+gonna|\s+gonna)|gonna)\s+(?:kill|hurt|shoot|stab|beat\s+up|beat|punch|strangle|murder|find)\s+(?:you|u|ya|him|her|them|everyone|somebody|someone|your)\b/i,
  /\b(?:bomb|blow\s+up|burn\s+(?:down\s+)?(?:your|the|it)|shoot\s+up)\b/i,
  /\byou(?:'ll|\s+will)\s+(?:die|regret\s+(?:this|it))\b|\b(?:watch\s+your\s+back|i\s+know\s+where\s+you\s+(?:live|work))\b/i,
];

const TARGET = String.raw`(?:you|u|ya|your|you\s+guys|you\s+people|this\s+(?:company|bot|service|store|shop|place|app|website|site)|bot|company|service|store|support|team|agent|staff|people)`;
const INSULT = String.raw`(?:idiots?|stupid|dumb|morons?|moronic|imbeciles?|incompetent|useless|worthless|pathetic|clowns?|losers?|liars?|thie(?:f|ves)|crooks?|scammers?|bastards?|assholes?|jerks?|garbage|trash|retarded|brainless|clueless|dickheads?|pieces?\s+of\s+(?:shit|crap|garbage|trash))`;

/** Insults or profanity aimed at the desk. */
export const ABUSE_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`\b${TARGET}\s+(?:are|is|r|'re|re|are\s+all|are\s+such|is\s+such|are\s+just|is\s+a|are\s+a|are\s+bunch\s+of|are\s+a\s+bunch\s+of)?\s*(?:an?\s+|such\s+|bunch\s+of\s+|complete\s+|total\s+|fucking\s+|damn\s+|bloody\s+)*${INSULT}\b`, 'i'),
  new RegExp(String.raw`\b(?:stupid|dumb|useless|worthless|pathetic|incompetent|fucking|fuckin|effing|damn|goddamn|bloody|shitty|crappy|idiotic)\s+(?:bot|company|service|support|agent|staff|people|team|store|app|website|site|machine|robot|ai)\b`, 'i'),
  /\b(?:fuck|screw|f\*+k|stfu)\s+(?:you|u|off|this\s+(?:company|bot|service|store|shit)|your)\b|\bgo\s+to\s+hell\b|\bshut\s+up\b|\byou\s+suck\b|\bkiss\s+my\s+ass\b/i,
  new RegExp(String.raw`\b(?:you|u)\s+(?:${INSULT}|fucking\s+\w+|f\*+ing\s+\w+)\b`, 'i'),
];

/** {@link ABUSE_PATTERNS} as one pattern (`anyPattern`): whether a text has any of them, in one scan. */
export const ANY_ABUSE: RegExp = anyPattern(ABUSE_PATTERNS);

/** General profanity (not necessarily aimed at anyone). */
export const PROFANITY = /\b(?:fuck\w*|f\*+k\w*|shit\w*|bullshit|crap\w*|damn\w*|goddamn\w*|bloody|ass(?:hole)?s?|bitch\w*|bastards?|wtf|piss(?:ed)?)\b/i;

/** Urgent: safety, fraud, compromised account, total outage. */
export const URGENT_CUES: readonly { pattern: RegExp; reason: string }[] = [
  { pattern: /\b(?:caught\s+fire|on\s+fire|(?:started|start)\s+a\s+fire|fire\s+hazard|smok(?:e|ed|ing)\s+(?:came|coming|is\s+coming|out)|started\s+smoking|is\s+smoking|sparks?|sparking|explod\w*|burn(?:ed|t)\s+(?:me|my|him|her|his|the)|electric(?:al)?\s+shock|electrocut\w*|shocked\s+me|injur\w*|hospital|choking|poison\w*|safety\s+(?:issue|hazard|risk|concern)|hazardous|dangerous|product\s+recall|recalled)\b/i, reason: 'safety issue' },
  { pattern: /\b(?:fraud\w*|scam(?:med)?|unauthori[sz]ed|stolen\s+(?:card|credit\s+card|identity|account)|identity\s+theft|i\s+(?:did\s+not|didn't|never)\s+(?:make|place|order|authori[sz]e|buy|purchase)\s+(?:this|that|these|those|it|an?|the|any)|(?:charges?|purchases?|orders?|transactions?)\s+(?:i|that\s+i)\s+(?:did\s+not|didn't|never)\s+(?:make|place|authori[sz]e))\b/i, reason: 'possible fraud or unauthorized charge' },
  { pattern: /\b(?:hacked|compromised|someone\s+(?:else\s+)?(?:logged|got|broke|has\s+been|is)\s+(?:in(?:to)?|accessing)\s+my\s+account|someone\s+(?:changed|reset)\s+my\s+(?:password|email)|account\s+(?:takeover|was\s+taken\s+over)|locked\s+out\s+of\s+my\s+account\s+by)\b/i, reason: 'account compromised' },
  { pattern: /\b(?:(?:site|website|app|store|checkout|server|service|system|everything|payments?)\s+(?:is|are|seems?|has\s+been|went|goes)\s+(?:completely\s+|totally\s+|all\s+)?(?:down|offline|broken)|(?:can't|cannot|can\s+not|unable\s+to|not\s+able\s+to)\s+(?:check\s*out|checkout|log\s*in|login|sign\s+in|pay|place\s+(?:an\s+)?orders?|access\s+(?:the\s+)?(?:site|website|app))\s+at\s+all|nothing\s+(?:works|is\s+working|loads)|outage|error\s+50[023])\b/i, reason: 'outage' },
];

/** High: money at risk, deadlines. */
export const HIGH_CUES: readonly { pattern: RegExp; reason: string }[] = [
  { pattern: /\b(?:double[-\s]?charged|charged\s+(?:me\s+)?(?:twice|two\s+times|double|2\s+times|three\s+times|again)|duplicate\s+(?:charge|payment|transaction)s?|over[-\s]?charged|charged\s+(?:the\s+)?wrong\s+amount|billed\s+twice|paid\s+twice)\b/i, reason: 'money at risk: duplicate or wrong charge' },
  { pattern: /\b(?:refund\s+(?:is\s+|has\s+|was\s+)?(?:missing|not\s+(?:received|showing|there|arrived)|never\s+(?:came|arrived|received)|hasn't\s+(?:arrived|come|shown)|has\s+not\s+(?:arrived|come)|still\s+(?:not|hasn't|pending))|(?:where\s+is|where's|still\s+waiting\s+(?:for|on)|never\s+(?:got|received)|haven't\s+(?:got|gotten|received)|did\s+not\s+(?:get|receive)|didn't\s+(?:get|receive))\s+(?:my|the|a|any)\s+(?:refund|money|reimbursement))\b/i, reason: 'money at risk: refund missing' },
  { pattern: /\b(?:asap|as\s+soon\s+as\s+possible|urgent(?:ly)?|immediately|right\s+away|emergency|deadline|time[-\s]sensitive|by\s+(?:today|tonight|tomorrow|end\s+of\s+(?:the\s+)?day|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b|\b(?:need|needs|needed|want|must|have\s+to|has\s+to|got\s+to)\b[^.!?\n]{0,40}\b(?:today|tonight|right\s+now)\b|\b(?:today|tonight|right\s+now)\s*!/i, reason: 'deadline or time pressure' },
];

/** Cancels a deadline cue ("no rush", "not urgent"). */
export const NO_RUSH = /\b(?:no\s+rush|no\s+hurry|not\s+urgent|whenever\s+(?:you\s+can|convenient)|no\s+pressure|not\s+in\s+a\s+hurry|take\s+your\s+time)\b/i;

/** Low: feedback, newsletter, general information. */
export const LOW_CUES: readonly { pattern: RegExp; reason: string }[] = [
  { pattern: /\b(?:newsletters?|unsubscribe|subscribe|mailing\s+list|promotional\s+emails?|marketing\s+emails?)\b/i, reason: 'newsletter' },
  { pattern: /\b(?:feedback|suggestions?|(?:leave|write|post|give)\s+(?:you\s+)?(?:a\s+)?review|compliments?|just\s+wanted\s+to\s+(?:say|let\s+you\s+know|thank)|great\s+(?:service|job|experience)|love\s+(?:your|the)\s+(?:store|products?|service))\b/i, reason: 'feedback' },
  { pattern: /\b(?:just\s+curious|out\s+of\s+curiosity|general\s+question|quick\s+question|opening\s+hours|store\s+hours|do\s+you\s+(?:sell|ship\s+to|have|offer|carry)|what\s+(?:payment\s+methods|are\s+your))\b/i, reason: 'information request' },
  { pattern: NO_RUSH, reason: 'customer says there is no rush' },
];
