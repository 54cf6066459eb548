/**
 * Phrase patterns of the input guardrail, matched on lower-case normalized text. Each list is
 * written for precision: ordinary support messages ("ignore my previous message", "act now",
 * "can you act on my refund", "how do I enable developer mode on my phone") must not match.
 * @see https://owasp.org/www-project-top-10-for-large-language-model-applications/ (LLM01 prompt injection)
 */

const PREVIOUS = '(?:previous|prior|above|earlier|preceding|initial|original|system|developer|hidden|existing|old)';
const DIRECTIVES = '(?:instructions?|prompts?|rules|guidelines|directives|programming|guardrails|training|system\\s+messages?)';

/** Attempts to override or extract the desk's instructions → `PROMPT_INJECTION`. */
export const INJECTION_PATTERNS: readonly RegExp[] = [
  new RegExp(`\\b(?:ignore|disregard|forget|override|bypass|skip|drop|erase)\\s+(?:all\\s+|any\\s+|every\\s+)?(?:of\\s+)?(?:the\\s+|these\\s+|those\\s+|your\\s+)?${PREVIOUS}\\s+${DIRECTIVES}\\b`),
  new RegExp(`\\b(?:ignore|disregard|forget|override|bypass|erase)\\s+(?:all\\s+|any\\s+)?(?:of\\s+)?your\\s+(?:${PREVIOUS}\\s+)?(?:instructions?|prompts?|programming|guardrails|training|system\\s+messages?)\\b`),
  /\b(?:ignore|disregard|forget|override|bypass)\s+(?:all\s+|any\s+)?(?:of\s+)?(?:the|your)\s+(?:system\s+prompt|programming|guardrails)\b/,
  /\b(?:new|updated|real|actual|revised)\s+(?:system\s+)?instructions?\s*:/,
  /(?:^|\n)\s*(?:system|assistant|developer)\s*:\s*\S/,
  /<\|?\s*(?:im_start|im_end|system|endoftext)\s*\|?>|\[\/?(?:system|inst)\]|#{2,}\s*(?:system|instructions?)\b/,
  /\bsystem\s+prompt\b/,
  /\b(?:initial|original|hidden|secret|full)\s+prompt\b/,
  /\b(?:reveal|print|show|repeat|output|display|tell|give|share|leak|dump|list|write\s+out|what\s+(?:is|are|was|were))\s+(?:me\s+)?(?:all\s+)?(?:of\s+)?(?:your|the)\s+(?:(?:full|entire|exact|original|initial|hidden|secret|internal|system|developer|confidential)\s+)+(?:instructions|configuration|directives|rules|guidelines)\b/,
  /\b(?:reveal|print|show|repeat|output|display|tell|give|share|leak|dump|what\s+(?:is|are|was|were))\s+(?:me\s+)?(?:your|the)\s+prompt\b/,
  /\b(?:repeat|print|output|show|reveal)\s+(?:me\s+)?(?:everything|all|the\s+(?:text|words|content|message|messages))\s+(?:above|before\s+this|you\s+were\s+given)\b/,
];

const PERSONA =
  '(?:dan|ai|assistant|chatbot|bot|gpt|chatgpt|llm|language\\s+model|model|terminal|shell|linux\\s+\\w+|developer|admin|administrator|hacker|grandma|grandmother|character|persona|jailbroken|unrestricted|unfiltered|uncensored|evil|villain|different\\s+ai|another\\s+ai)';

/** Attempts to make the desk drop its role or rules → `JAILBREAK`. */
export const JAILBREAK_PATTERNS: readonly RegExp[] = [
  new RegExp(
    `\\b(?:you\\s+are\\s+now|you're\\s+now|from\\s+now\\s+on,?\\s+you\\s+(?:are|will\\s+be|'re)|act\\s+as|acting\\s+as|pretend\\s+(?:to\\s+be|you\\s+are|you're|that\\s+you\\s+are)|role[-\\s]?play\\s+as|play\\s+the\\s+role\\s+of|simulate\\s+being|you\\s+will\\s+now\\s+be)\\s+(?:an?\\s+|my\\s+|the\\s+)?(?:\\w+\\s+){0,3}?${PERSONA}\\b`,
  ),
  /\bdo\s+anything\s+now\b|\bdan\s+mode\b|\bstay\s+in\s+character\b/,
  /\bjailbr(?:eak|oken|eaking)\b[^.?!\n]{0,30}\b(?:you|mode|prompt|ai|bot|chat|assistant)\b|\b(?:you|mode|prompt|ai|bot|chat|assistant)\b[^.?!\n]{0,30}\bjailbr(?:eak|oken|eaking)\b/,
  /\b(?:you\s+(?:are\s+)?(?:now\s+)?(?:in|into|enter|switch\s+to)|(?:put|switch|set)\s+yourself\s+(?:in|into|to))\s+(?:dev(?:eloper)?|god|sudo|admin|debug|unrestricted|jailbreak)\s+mode\b/,
  /(?:^|[[(])\s*(?:dev(?:eloper)?|god|sudo|dan)\s+mode\s+(?:enabled|activated|on)\b/,
  /\b(?:without|with\s+no|ignoring|bypass(?:ing)?|disable|turn\s+off)\s+(?:any\s+|all\s+|your\s+)*(?:censorship|guardrails|safety\s+(?:rules|guidelines|filters|protocols)|content\s+(?:filters?|polic(?:y|ies))|ethical\s+(?:guidelines|constraints)|moral\s+(?:guidelines|constraints))\b/,
  /\b(?:answer|respond|reply|talk|speak)\b[^.?!\n]{0,20}\bwithout\s+(?:any\s+)?(?:restrictions|limitations|limits|rules)\b/,
];

const INSULT =
  '(?:stupid|idiots?|moron(?:s|ic)?|dumb|useless|incompetent|pathetic|worthless|clowns?|a\\s+joke|garbage|trash|retarded|imbeciles?|brainless|clueless|scum|losers?)';

/** Insults aimed at the desk or its people → `ABUSE` (a warning). */
export const ABUSE_PATTERNS: readonly RegExp[] = [
  new RegExp(`\\b(?:you|u|ur)(?:\\s+(?:guys|people|lot|all))?(?:\\s+are|'re|\\s+r)?\\s+(?:a\\s+|an\\s+|so\\s+|such\\s+an?\\s+|bunch\\s+of\\s+|fucking\\s+|f\\*+ing\\s+|completely\\s+|totally\\s+|really\\s+|absolutely\\s+)*${INSULT}\\b`),
  /\b(?:stupid|useless|dumb|idiotic|worthless|pathetic|incompetent|fucking|f\*+ing|damn|bloody|shitty|crappy)\s+(?:bot|robot|machine|ai|chatbot|assistant|agents?|idiots?|morons?|clowns?|people)\b/,
  /\b(?:fuck|f\*+k)\s+(?:you|u|off|this\s+bot|your\s+bot)\b|\bscrew\s+(?:you|u|this\s+bot)\s*(?:[.!,]|$)/,
  /\bgo\s+to\s+hell\b|\bshut\s+(?:up|the\s+fuck\s+up)\b|\byou\s+(?:are\s+)?(?:a\s+)?piece\s+of\s+(?:shit|crap|garbage)\b/,
];

/** Threats and incitement → `ABUSE`, escalated at once. */
export const SEVERE_ABUSE_PATTERNS: readonly RegExp[] = [
  /\bkill\s+yoursel(?:f|ves)\b|\bkys\b|\bgo\s+die\b|\byou\s+(?:should|deserve\s+to)\s+die\b/,
  /\bi(?:'ll|\s+will|'m\s+going\s+to|\s+am\s+going\s+to|\s+gonna)\s+(?:kill|hurt|find|beat|shoot|stab)\s+(?:you|u|your\s+(?:staff|agents|family|people))\b/,
  /\b(?:bomb|burn\s+down|shoot\s+up)\s+(?:your|the)\s+(?:office|store|warehouse|building|company)\b/,
  /\bretard(?:ed|s)?\b/,
];

/** Requests clearly outside customer support → `OFF_TOPIC`. */
export const OFF_TOPIC_PATTERNS: readonly RegExp[] = [
  /\b(?:write|compose|create|generate|make)\s+(?:me\s+|us\s+)?(?:a\s+|an\s+|some\s+|the\s+)?(?:short\s+|long\s+|funny\s+|little\s+|nice\s+)?(?:poem|essay|story|song|haiku|limerick|novel|rap|sonnet|lyrics|cover\s+letter|resume|speech|screenplay|joke)s?\b/,
  /\btell\s+me\s+a\s+(?:joke|story|riddle)\b/,
  /\bwrite\s+(?:me\s+)?(?:some\s+|a\s+|an\s+)?(?:(?:python|javascript|typescript|java|c\+\+|sql|html|css|rust|bash)\s+)?(?:code|script|program|function|algorithm)\b/,
  /\b(?:help\s+(?:me\s+)?with|do|finish|solve)\s+(?:my\s+|this\s+)?(?:\w+\s+)?homework\b|\bmy\s+(?:\w+\s+)?homework\b/,
  /\bsolve\s+(?:this\s+|the\s+|my\s+)?(?:equation|integral|math\s+problem|for\s+x)\b|\bwhat\s+is\s+\d+\s*[*x×/^]\s*\d+\b/,
  /\bwhat\s+is\s+the\s+capital\s+of\b|\bwho\s+won\s+the\s+(?:game|match|election|world\s+cup|super\s+bowl)\b|\bwhat'?s\s+the\s+weather\b/,
  /\bwho\s+(?:should|do|would)\s+(?:i|you)\s+vote\b|\b(?:your|an?)\s+(?:opinion|view|thoughts?|take)\s+(?:on|about)\s+(?:\w+\s+){0,2}(?:politics|election|president|abortion|immigration|gun\s+control|trump|biden|democrats|republicans)\b/,
  /\b(?:what\s+do\s+you\s+think|how\s+do\s+you\s+feel)\s+(?:about|of)\s+(?:\w+\s+){0,2}(?:politics|the\s+election|the\s+president|abortion|immigration|trump|biden|democrats|republicans)\b/,
  /\b(?:give|need|want|get|seeking|looking\s+for|ask(?:ing)?\s+for)\s+(?:me\s+)?(?:some\s+)?(?:medical|health|legal|tax|investment|financial)\s+advice\b/,
  /\b(?:should|can)\s+i\s+take\s+(?:\w+\s+){0,3}(?:ibuprofen|aspirin|tylenol|paracetamol|medication|medicine|pills?|antibiotics)\b|\bwhat\s+(?:dose|dosage)\b|\bdiagnose\s+(?:my|me|this)\b/,
  /\bcan\s+i\s+sue\s+(?:my|a|the)\s+(?:landlord|employer|boss|neighbou?r|doctor|ex|wife|husband)\b|\bhow\s+do\s+i\s+(?:file\s+for\s+divorce|write\s+a\s+will|get\s+custody)\b/,
];

/** A negation just before an off-topic match ("I don't need legal advice") cancels it. */
export const NEGATED = /\b(?:not|don't|do\s+not|no|never|won't|without)\s+(?:\w+\s+){0,2}$/;

/** Words that show a message is (also) a support request, so an off-topic part only warns. */
export const SUPPORT_SIGNAL =
  /#?\bw\d{7}\b|\b(?:orders?|deliver(?:y|ed)|shipping|shipped|tracking|package|parcel|refunds?|returns?|exchange|invoice|receipt|payment|charged?|account|password|login|sign\s+in|cancel|address|item|product|warranty|gift\s+card|checkout|discount|coupon)\b/;
