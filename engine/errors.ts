/**
 * InputError: something the user gave (a file, a setting, a network) is
 * wrong, and the message says what and where. Hosts show it as it is;
 * any other Error is a bug of ours.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * Text from a file quoted in a message, with control characters replaced:
 * a binary file's bytes must not reach a terminal.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
