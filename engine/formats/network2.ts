/** The book's network2.py JSON format: import, export and their limits, and file-format detection. */
export * from './network2-types';
export * from './network2-import';
export * from './network2-export';
export * from './detect';
export { parsePythonJson } from './python-json';
