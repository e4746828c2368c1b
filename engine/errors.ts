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
