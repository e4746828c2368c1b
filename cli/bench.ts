/**
 * neuroloom bench: seconds per epoch on Fashion-MNIST (784-30-10, batch 10,
 * one core) for every kernel against the plain typed-array reference loop,
 * then the accuracy bars on the real digits (30 epochs, 3 seeds, both of the
 * book's recipes). Figures only: no timed test depends on them.
 *
 * neuroloom bench --recurrent: instead, bench/recurrent.ts's delayed-recall
 * comparison of the LSTM and a plain recurrent layer over delays k (it takes
 * tens of minutes with the defaults; its flags shrink it).
 */
import { runAccuracyBench } from '../bench/accuracy';
import { formatRecurrentReport, parseRecurrentBenchArgs, runRecurrentBench } from '../bench/recurrent';
import { runBench, type BenchOptions } from '../bench/training';
import { wasmKernelFactory } from '../engine/wasm';
import { CliError, USAGE_EXIT } from './errors';

export async function benchCommand(argv: string[]): Promise<number> {
  if (argv.includes('--recurrent')) return recurrentBench(argv.filter((a) => a !== '--recurrent'));
  const options: BenchOptions = {};
  let json = false;
  let accuracyEpochs = 30;
  const whole = (flag: string, value: string | undefined): number => {
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n < 0) throw new CliError(`${flag} needs a whole number, got ${value ?? 'nothing'}`, USAGE_EXIT);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--no-fma') options.fma = false;
    else if (arg === '--epochs') options.epochs = whole(arg, argv[++i]);
    else if (arg === '--warmup') options.warmup = whole(arg, argv[++i]);
    else if (arg === '--js-epochs') options.jsEpochs = whole(arg, argv[++i]);
    else if (arg === '--accuracy-epochs') accuracyEpochs = whole(arg, argv[++i]);
    else if (arg === '--data') options.dataDir = argv[++i];
    else throw new CliError(`bench: unknown option ${arg} (options: --epochs N --warmup N --js-epochs N --accuracy-epochs N (0 skips) --data DIR --no-fma --json; or --recurrent)`, USAGE_EXIT);
  }
  // With --json the tables go to stderr and one JSON report to stdout.
  const log = (line: string): void => void (json ? process.stderr : process.stdout).write(`${line}\n`);
  const speed = await runBench(options, log);
  let accuracy = null;
  if (accuracyEpochs > 0) {
    log(`\naccuracy on the 8,000/2,000 real digits, 784-30-10, batch 10, ${accuracyEpochs} epochs, seeds 1-3 (float32 WebAssembly kernel):`);
    accuracy = runAccuracyBench({ epochs: accuracyEpochs, seeds: [1, 2, 3], precision: 'float32', kernels: [wasmKernelFactory] }, log);
  }
  if (json) process.stdout.write(`${JSON.stringify({ speed, accuracy }, null, 2)}\n`);
  const failed = !speed.bar.met || (accuracy?.some((r) => !r.passed) ?? false);
  return failed ? 1 : 0;
}

/** The LSTM against the plain layer on delayed recall; exit 1 when no delay separates them. */
function recurrentBench(argv: string[]): number {
  let parsed: ReturnType<typeof parseRecurrentBenchArgs>;
  try {
    parsed = parseRecurrentBenchArgs(argv);
  } catch (e) {
    throw new CliError(`bench --recurrent: ${(e as Error).message}`, USAGE_EXIT);
  }
  const { options, json } = parsed;
  // With --json the progress goes to stderr and one JSON report to stdout.
  const log = (line: string): void => void (json ? process.stderr : process.stdout).write(`${line}\n`);
  const report = runRecurrentBench(options, log);
  if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else for (const line of formatRecurrentReport(report)) log(line);
  return report.lstmOnly.length > 0 ? 0 : 1;
}
