// CLI commands for the FX table that converts every amount to the display currency.
import { isoDay, ZDay } from '../dates';
import { upsertFxRates } from '../ingestion/upsert-fx-rates';
import { audit } from '../audit';
import { prisma, withTransaction } from '../db';
import { CliUsageError, option, positional, type TCliCommand } from './types';

const CURRENCY = /^[A-Z]{3}$/;

export const fxCommands: TCliCommand[] = [
  {
    name: 'fx:set',
    usage: 'fx:set BASE QUOTE RATE [--date YYYY-MM-DD]   (1 BASE = RATE QUOTE, e.g. fx:set USD EUR 0.9156)',
    summary: 'store an exchange rate, used from its date until a later one',
    valueOptions: ['date'],
    run: async (args, io) => {
      const base = positional(args, 0, 'BASE').toUpperCase();
      const quote = positional(args, 1, 'QUOTE').toUpperCase();
      const rate = positional(args, 2, 'RATE');
      if (!CURRENCY.test(base) || !CURRENCY.test(quote)) throw new CliUsageError('BASE and QUOTE must be ISO 4217 codes such as USD and EUR');
      if (base === quote) throw new CliUsageError('BASE and QUOTE must differ');
      if (!/^\d+(\.\d+)?$/.test(rate) || Number(rate) <= 0) throw new CliUsageError('RATE must be a positive decimal such as 0.9156');
      const date = option(args, 'date') ?? isoDay(new Date());
      const day = ZDay.safeParse(date);
      if (!day.success) throw new CliUsageError(`--date ${day.error.issues[0].message}`);
      const result = await withTransaction((client) => upsertFxRates(client, [{ date, base, quote, rate, source: 'cli' }], 'cli'));
      await audit({ type: 'cli', label: 'cli' }, 'fx.set', { type: 'fx_rate', id: `${base}/${quote}/${date}` }, { rate });
      io.out(`${result.inserted ? 'added' : result.updated ? 'changed' : 'unchanged'}: 1 ${base} = ${rate} ${quote} from ${date}`);
      return 0;
    },
  },
  {
    name: 'fx:list',
    usage: 'fx:list [--base USD] [--quote EUR]',
    summary: 'the latest rate of each currency pair, with its date',
    valueOptions: ['base', 'quote'],
    run: async (args, io) => {
      const rows = await prisma.fxRate.findMany({
        where: { base: option(args, 'base')?.toUpperCase(), quote: option(args, 'quote')?.toUpperCase() },
        orderBy: [{ base: 'asc' }, { quote: 'asc' }, { date: 'desc' }],
        distinct: ['base', 'quote'],
      });
      if (!rows.length) io.out('no exchange rates yet: add one with fx:set');
      for (const r of rows) io.out(`${r.base}/${r.quote}  ${r.rate.toString()}  since ${isoDay(r.date)}  (${r.source})`);
      return 0;
    },
  },
];
