/**
 * JSON text as Python's json module writes it. json.dump writes the bare
 * tokens NaN, Infinity and -Infinity (a network2.py run that diverged saves
 * them), which JSON.parse rejects with an unhelpful "Unexpected token". We
 * parse strictly first and, only if that fails, swap those tokens (outside
 * strings) for marker strings, so the validator can say which weight is NaN.
 */
import { printable } from '../errors';
import { DocumentError } from '../document';

/** Stands in for a Python non-finite token after parsing. */
export const PYTHON_NON_FINITE = {
  NaN: '\u0000python:NaN',
  Infinity: '\u0000python:Infinity',
  '-Infinity': '\u0000python:-Infinity',
} as const;

const TOKENS = ['-Infinity', 'Infinity', 'NaN'] as const;

/** The non-finite token a marker stands for, or null. */
export function pythonNonFinite(value: unknown): string | null {
  for (const token of TOKENS) if (value === PYTHON_NON_FINITE[token]) return token;
  return null;
}

/** Parses JSON text, accepting Python's NaN/Infinity tokens as marker strings. */
export function parsePythonJson(text: string, fileName: string): unknown {
  if (text.trim().length === 0) throw new DocumentError(`${fileName}: the file is empty`);
  // A byte-order mark from a Windows editor is not JSON, but harmless.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (strictError) {
    const swapped = swapNonFiniteTokens(text);
    if (swapped !== null) {
      try {
        return JSON.parse(swapped);
      } catch {
        // Report the original error: it points into the text the user has.
      }
    }
    throw new DocumentError(`${fileName}: not valid JSON: ${explainParseError(strictError as Error, text)}`);
  }
}

/** The text with NaN/Infinity tokens outside strings quoted as markers, or null if it has none. */
function swapNonFiniteTokens(text: string): string | null {
  const pieces: string[] = [];
  let copiedUpTo = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) {
      inString = true;
      continue;
    }
    if (c !== 0x4e && c !== 0x49 && c !== 0x2d) continue; // N, I, -
    const token = TOKENS.find((t) => text.startsWith(t, i));
    if (!token) continue;
    pieces.push(text.slice(copiedUpTo, i), JSON.stringify(PYTHON_NON_FINITE[token]));
    i += token.length - 1;
    copiedUpTo = i + 1;
  }
  if (pieces.length === 0) return null;
  pieces.push(text.slice(copiedUpTo));
  return pieces.join('');
}

/** V8's message, with line and column, and a plain word when the text just stops. */
function explainParseError(error: Error, text: string): string {
  const message = printable(error.message);
  const match = /at position (\d+)/.exec(message);
  const position = match ? Number(match[1]) : null;
  const truncated = /Unexpected end of JSON input/.test(message) || (position !== null && position >= text.trimEnd().length);
  if (truncated) return 'the text ends too early (is the file truncated?)';
  // V8 gives either a position or a quoted snippet of the text around the fault.
  if (position === null) return message.replace(/, (.*) is not valid JSON$/s, ' near $1');
  const reason = message.replace(/ in JSON at position \d+.*$/s, '');
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `${reason} at line ${line}, column ${column}`;
}
