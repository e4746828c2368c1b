/**
 * The part of papaparse that csv.ts uses. Typed here, not by @types/papaparse,
 * because that package references Node's types, and pulling them into the
 * engine's compilation would hide Node globals from its purity check.
 */
declare module 'papaparse/papaparse.js' {
  export interface ParseError {
    type: string;
    code: string;
    message: string;
    row?: number;
    index?: number;
  }
  export interface StepResult {
    data: string[];
    errors: ParseError[];
    /** cursor: the text offset just past this row. */
    meta: { cursor: number; delimiter: string; aborted: boolean };
  }
  export interface Parser {
    abort(): void;
  }
  export interface ParseConfig {
    header?: false;
    dynamicTyping?: false;
    skipEmptyLines?: boolean | 'greedy';
    delimiter?: string;
    step?: (result: StepResult, parser: Parser) => void;
  }
  const Papa: { parse(input: string, config: ParseConfig): void };
  export default Papa;
}
