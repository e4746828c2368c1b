/** neuroloom train | eval | new | convert | bench: the engine, headless. */
import { InputError } from '../engine/errors';
import { benchCommand } from './bench';
import { convertCommand } from './convert';
import { CliError, USAGE_EXIT } from './errors';
import { evalCommand } from './eval';
import { newCommand } from './new';
import { trainCommand } from './train';

export const HELP = `neuroloom: build, train and inspect neural networks from the command line

  neuroloom train [FILE] --data NAME|PATH [--test PATH] [--sizes 784,30,10 | --cell lstm|rnn [--hidden 16]]
        [--epochs N] [--eta X] [--batch M] [--cost quadratic|crossEntropy|logLikelihood]
        [--lambda L] [--optimizer sgd|momentum|adam] [--momentum MU]
        [--init normal|scaledNormal|xavier|he] [--seed S] [--shuffle seeded|none]
        [--precision float64|float32] [--out FILE] [--format project|network2] [--json]
        recurrent networks: [--clip-norm X|off] [--rem-bias B]
        sequence sets: [--count N] [--length T] [--delay K] [--symbols S] [--targets last|every]
  neuroloom eval FILE --data NAME|PATH [--test PATH] [--json] [sequence set flags]
  neuroloom new --out FILE (--sizes 784,30,10 | --cell lstm|rnn [--hidden 16]
        (--inputs N --outputs M [--targets last|every] | --data NAME|PATH)) [--seed S] [--rem-bias B]
  neuroloom convert IN OUT --format project|network2
  neuroloom bench [--json] [--epochs N]
  neuroloom bench --recurrent [--ks 5,10,20] [--seeds 1,2,3] [--epochs N] [--hidden D] [--rem-bias B] [--train N] [--json]

FILE is a Neuroloom project, a network document or the book's network2.py JSON.
--data takes a built-in name (digits, f1d, xor, circle, gauss, spiral, ...; for
networks with an LSTM or recurrent node the sequence sets noisy-sine, adding,
delayed-recall) or a path: an IDX images file with its labels beside it
(train-images-idx3-ubyte[.gz] beside train-labels-idx1-ubyte[.gz]), or a CSV
file (one with a "sequence" column holds sequences, one row per step).
Exit codes: 0 done, 1 bad input, 2 bad usage, 3 training diverged, 130 stopped.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'train':
      return trainCommand(rest);
    case 'eval':
      return evalCommand(rest);
    case 'new':
      return newCommand(rest);
    case 'convert':
      return convertCommand(rest);
    case 'bench':
      return benchCommand(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${HELP}\n`);
      return command === undefined ? USAGE_EXIT : 0;
    default:
      throw new CliError(`unknown command "${command}" (try neuroloom --help)`, USAGE_EXIT);
  }
}

/** One line for anything a user can cause; a stack only for our own bugs. */
function report(e: unknown): number {
  if (e instanceof CliError) {
    process.stderr.write(`neuroloom: ${e.message}\n`);
    return e.exitCode;
  }
  if (e instanceof InputError) {
    process.stderr.write(`neuroloom: ${e.message}\n`);
    return 1;
  }
  process.stderr.write(`neuroloom: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return 70;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.exitCode = report(e);
  },
);
