/**
 * Drives papaparse row by row for the CSV importers (examples in csv.ts,
 * sequences in recurrent/sequence-csv.ts): each non-blank row's cells with
 * the line it starts on, a quote error as a DataError naming that line, and
 * the first DataError a row handler throws stops the parse and is thrown.
 */
import Papa from 'papaparse/papaparse.js';
import { DataError } from './errors';

export function eachCsvRow(text: string, file: string, onRow: (cells: string[], line: number) => void): void {
  let failure: DataError | null = null;
  let rowStart = 0; // text offset where the current row began
  let scanned = 0; // newlines are counted up to this offset...
  let lineNumber = 1; // ...which is on this line
  const lineAt = (offset: number): number => {
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) lineNumber++;
    scanned = Math.max(scanned, offset);
    return lineNumber;
  };
  const nonBlank = /\S/g;
  Papa.parse(text, {
    header: false,
    dynamicTyping: false,
    // 'greedy' also keeps blank lines out of papaparse's delimiter guess.
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      if (failure) return;
      // The cursor stops after the previous row; skipped blank lines may follow it.
      nonBlank.lastIndex = rowStart;
      const line = lineAt(nonBlank.exec(text)?.index ?? rowStart);
      try {
        const quoteError = result.errors.find((e) => e.type === 'Quotes');
        if (quoteError) throw new DataError(file, `line ${line}: ${quoteError.message.toLowerCase()}`);
        onRow(result.data, line);
      } catch (error) {
        if (!(error instanceof DataError)) throw error;
        failure = error;
        parser.abort();
      }
      rowStart = result.meta.cursor;
    },
  });
  if (failure) throw failure;
}
