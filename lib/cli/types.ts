// A CLI command: a name, a one-line usage, and a run function given parsed arguments.
export type TCliArgs = { positionals: string[]; options: Record<string, string | boolean | string[]> };

export type TCliCommand = {
  name: string;
  usage: string;
  summary: string;
  // option names that take a value (the rest are flags); names listed in `repeatable` may repeat
  valueOptions?: string[];
  repeatable?: string[];
  run: (args: TCliArgs, io: { out: (line: string) => void; err: (line: string) => void }) => Promise<number>;
};

export class CliUsageError extends Error {}

export function option(args: TCliArgs, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === 'string' ? v : undefined;
}

export function positional(args: TCliArgs, index: number, name: string): string {
  const v = args.positionals[index];
  if (!v) throw new CliUsageError(`missing ${name}`);
  return v;
}
