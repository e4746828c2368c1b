/** neuroloom convert IN OUT --format project|network2. */
import { CliError, USAGE_EXIT } from './errors';
import { readNetworkFile, writeNetworkFile } from './network-file';
import { formatFlag, parseFlags } from './options';

export function convertCommand(argv: string[]): number {
  const { positionals, values } = parseFlags(argv);
  if (positionals.length !== 2) throw new CliError('convert takes IN and OUT files', USAGE_EXIT);
  const format = formatFlag(values);
  if (!format) throw new CliError('convert needs --format project|network2', USAGE_EXIT);
  const [input, output] = positionals;
  const { project } = readNetworkFile(input);
  writeNetworkFile(output, project, format);
  process.stdout.write(`wrote ${output} (${format})\n`);
  return 0;
}
