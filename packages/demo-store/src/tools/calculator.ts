/**
 * The arithmetic of τ-bench's `calculate` tool, without `eval`: numbers, `+ - * / // **`, unary
 * signs and parentheses, with Python's precedence (`-2**2` is -4, `**` is right-associative) and
 * Python's float results. The answer is Python's `str(round(float(result), 2))` ("4.0", "0.33").
 * @see ../../../../../shared/data/tau-bench-retail/tools.json (calculate)
 */
import { invalid, pythonRound2 } from './tau-rules.js';

/** Characters τ allows in an expression. */
const ALLOWED = /^[0-9+\-*/(). ]*$/;

type Token = { kind: 'number'; value: number } | { kind: 'op'; value: '+' | '-' | '*' | '/' | '//' | '**' | '(' | ')' };

const syntaxError = (): Error => invalid('invalid_expression', 'invalid syntax');

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\d+\.?\d*|\.\d+)|(\*\*|\/\/|[+\-*/()]))/y;
  let position = 0;
  while (position < expression.length) {
    if (expression.slice(position).trim() === '') break;
    pattern.lastIndex = position;
    const match = pattern.exec(expression);
    if (!match) throw syntaxError();
    position = pattern.lastIndex;
    const [, number, operator] = match;
    if (number !== undefined) {
      if (/^0\d/.test(number) && !number.includes('.') && !/^0+$/.test(number)) throw invalid('invalid_expression', 'leading zeros in decimal integer literals are not permitted');
      tokens.push({ kind: 'number', value: Number(number) });
    } else tokens.push({ kind: 'op', value: operator as Extract<Token, { kind: 'op' }>['value'] });
  }
  return tokens;
}

/** A recursive-descent parser that evaluates while it parses. */
class Evaluator {
  private index = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  run(): number {
    const value = this.sum();
    if (this.index !== this.tokens.length) throw syntaxError();
    return value;
  }

  private peekOp(): string | undefined {
    const token = this.tokens[this.index];
    return token?.kind === 'op' ? token.value : undefined;
  }

  private sum(): number {
    let value = this.product();
    for (let op = this.peekOp(); op === '+' || op === '-'; op = this.peekOp()) {
      this.index += 1;
      const right = this.product();
      value = op === '+' ? value + right : value - right;
    }
    return value;
  }

  private product(): number {
    let value = this.unary();
    for (let op = this.peekOp(); op === '*' || op === '/' || op === '//'; op = this.peekOp()) {
      this.index += 1;
      const right = this.unary();
      if (op === '*') value *= right;
      else if (right === 0) throw invalid('division_by_zero', 'division by zero');
      else value = op === '/' ? value / right : Math.floor(value / right);
    }
    return value;
  }

  private unary(): number {
    const op = this.peekOp();
    if (op === '+' || op === '-') {
      this.index += 1;
      const value = this.unary();
      return op === '-' ? -value : value;
    }
    return this.power();
  }

  private power(): number {
    const base = this.atom();
    if (this.peekOp() !== '**') return base;
    this.index += 1;
    const exponent = this.unary();
    if (base === 0 && exponent < 0) throw invalid('division_by_zero', '0.0 cannot be raised to a negative power');
    return base ** exponent;
  }

  private atom(): number {
    const token = this.tokens[this.index];
    this.index += 1;
    if (token?.kind === 'number') return token.value;
    if (token?.kind === 'op' && token.value === '(') {
      const value = this.sum();
      if (this.peekOp() !== ')') throw syntaxError();
      this.index += 1;
      return value;
    }
    throw syntaxError();
  }
}

/** Python's `repr` of a float: "4.0", "-0.0", "0.33", "1e+16". */
export function pythonFloatRepr(value: number): string {
  if (Object.is(value, -0)) return '-0.0';
  // Python switches to exponent notation at 1e16; exponents there have at least two digits, as Python prints them.
  if (Math.abs(value) >= 1e16) return value.toExponential();
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

/**
 * Evaluates `expression` like τ-bench's `calculate` and formats the result rounded to cents.
 * @throws ToolError `INVALID_INPUT` — "invalid characters in expression" (`details.rule`
 *   `invalid_characters`), "invalid syntax" (`invalid_expression`), "division by zero"
 *   (`division_by_zero`), "result is not a finite real number" (`not_finite`).
 * @example
 * ```ts
 * calculate('(2 + 3) * 4'); // '20.0'
 * calculate('10 / 3'); // '3.33'
 * ```
 */
export function calculate(expression: string): string {
  if (!ALLOWED.test(expression)) throw invalid('invalid_characters', 'invalid characters in expression');
  const value = new Evaluator(tokenize(expression)).run();
  if (!Number.isFinite(value)) throw invalid('not_finite', 'result is not a finite real number');
  return pythonFloatRepr(pythonRound2(value));
}
