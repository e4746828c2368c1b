/** An error the CLI prints as one line, with the exit code it chose. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const USAGE_EXIT = 2;
