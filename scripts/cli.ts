// npm run cli -- COMMAND …: operator commands on the database of DATABASE_URL, or on the embedded
// one in DATA_DIR (started for the command when the app is not running).
import { parseArgs } from 'node:util';
import { accessCommands } from '../lib/cli/access-commands';
import { fxCommands } from '../lib/cli/fx-commands';
import { connectionCommands } from '../lib/cli/connection-commands';
import { costCommands } from '../lib/cli/cost-commands';
import { reportCommands } from '../lib/cli/report-commands';
import { forecastCommands } from '../lib/cli/forecast-commands';
import { budgetCommands } from '../lib/cli/budget-commands';
import { anomalyCommands } from '../lib/cli/anomaly-commands';
import { recommendationCommands } from '../lib/cli/recommendation-commands';
import { notificationCommands } from '../lib/cli/notification-commands';
import { CliUsageError, type TCliCommand } from '../lib/cli/types';
import { EnvError, env, setEnv } from '../lib/env';
import { AppError } from '../lib/errors';
import { logger } from '../lib/logger';
import { bootstrap } from '../lib/runtime/bootstrap';
import { ensureMigrated } from '../lib/runtime/ensure-migrated';

const COMMANDS: TCliCommand[] = [
  ...accessCommands,
  ...connectionCommands,
  ...costCommands,
  ...fxCommands,
  ...forecastCommands,
  ...budgetCommands,
  ...anomalyCommands,
  ...recommendationCommands,
  ...notificationCommands,
  ...reportCommands,
];

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

function help() {
  out('Usage: npm run cli -- COMMAND [arguments]\n');
  for (const c of COMMANDS) out(`  ${c.usage}\n      ${c.summary}`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help') {
    help();
    return name ? 0 : 1;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    err(`unknown command: ${name}`);
    help();
    return 2;
  }
  const options = Object.fromEntries(
    (command.valueOptions ?? []).map((o) => [o, { type: 'string' as const, multiple: (command.repeatable ?? []).includes(o) }]),
  );
  const parsed = parseArgs({ args: rest, options: { ...options, partial: { type: 'boolean' } }, allowPositionals: true, strict: false });
  setEnv({ LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  // the logger was made when the commands were imported, before this level was chosen
  logger.level = env().LOG_LEVEL;
  const runtime = await bootstrap();
  try {
    await ensureMigrated(runtime.databaseUrl);
    return await command.run({ positionals: parsed.positionals, options: parsed.values as Record<string, string | boolean | string[]> }, { out, err });
  } finally {
    const { disconnect } = await import('../lib/db');
    await disconnect().catch(() => undefined);
    await runtime.stop();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error) => {
    if (error instanceof CliUsageError) err(`error: ${error.message}`);
    else if (error instanceof EnvError) err(error.message);
    else if (error instanceof AppError) err(`error: ${error.message}`);
    else err(`error: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(error instanceof CliUsageError ? 2 : 1);
  });
