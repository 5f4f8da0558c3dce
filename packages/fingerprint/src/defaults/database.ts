import { type Facts, read, readString } from '../facts.js';
import type { CompiledRule, Verdict } from '../rule.js';
import { noMatch } from '../rule.js';
import { mongoOperation, sqlOperation } from '../sql.js';

/** Error types of the database clients, and the system each belongs to. */
const TYPES: ReadonlyArray<[RegExp, string]> = [
  [/^Prisma\w*Error$/, 'prisma'],
  [/^(QueryFailedError|EntityNotFoundError|EntityPropertyNotFoundError|TypeORMError)$/, 'typeorm'],
  [/^Sequelize\w*Error$/, 'sequelize'],
  [/^SqliteError$/, 'sqlite'],
  [/^DrizzleQueryError$/, 'drizzle'],
  [/^Mongo\w*Error$/, 'mongodb'],
  [/^KnexTimeoutError$/, 'knex'],
];

/** Codes that name the client: pg's five-character SQLSTATE, mysql2's `ER_…`, SQLite's `SQLITE_…`, Prisma's `P1234`. */
function systemOfCode(code: string | undefined, original: unknown): string | undefined {
  if (code === undefined) return undefined;
  if (/^ER_[A-Z_]{2,64}$/.test(code) || read(original, 'sqlState') !== undefined) return 'mysql';
  if (/^SQLITE_[A-Z_]{2,40}$/.test(code)) return 'sqlite';
  if (/^P\d{4}$/.test(code)) return 'prisma';
  if (/^[0-9A-Z]{5}$/.test(code) && read(original, 'severity') !== undefined) return 'postgres';
  return undefined;
}

/** The statement the failing query ran: on the error (`query`, `sql`, `statement`), its cause, or the message. */
function statementOf(facts: Facts): string | undefined {
  const { original } = facts;
  const cause = read(original, 'driverError') ?? read(original, 'cause') ?? read(original, 'original');
  for (const source of [original, cause])
    for (const key of ['query', 'sql', 'statement', 'command'])
      if (readString(source, key)) return readString(source, key);
  const command = read(original, 'command');
  if (typeof command === 'object' && command !== null) return Object.keys(command)[0];
  return facts.value;
}

/** The statement of the last database breadcrumb or span, when the error itself has none. */
function lastQueryOf(facts: Facts): string | undefined {
  const crumbs = facts.event.breadcrumbs ?? [];
  for (let index = crumbs.length - 1; index >= 0; index--) {
    const crumb = crumbs[index]!;
    const data = crumb.data ?? {};
    const statement =
      data['db.statement'] ??
      data['db.query.text'] ??
      (crumb.category === 'query' ? crumb.message : undefined);
    if (typeof statement === 'string') return statement;
  }
  return undefined;
}

function errorCode(facts: Facts): string | undefined {
  const code =
    read(facts.original, 'code') ?? read(facts.original, 'codeName') ?? read(facts.original, 'errno');
  return typeof code === 'string' || typeof code === 'number' ? String(code) : undefined;
}

/** Database errors, grouped by system, operation (query type) and error code. */
export const databaseRule: CompiledRule = {
  name: 'database',
  evaluate(facts): Verdict {
    const type = facts.type ?? '';
    const code = errorCode(facts);
    const system = TYPES.find(([pattern]) => pattern.test(type))?.[1] ?? systemOfCode(code, facts.original);
    if (system === undefined)
      return noMatch(`type "${type}" and code "${code ?? ''}" are not a known database client's`);
    const statement = statementOf(facts);
    const operation =
      (system === 'mongodb' ? mongoOperation(statement ?? '') : sqlOperation(statement ?? '')) ??
      sqlOperation(lastQueryOf(facts) ?? '') ??
      facts.value.match(/\b(SELECT|INSERT|UPDATE|DELETE)\b/i)?.[1]?.toUpperCase() ??
      'query';
    const parts = ['database', system, operation];
    if (code !== undefined && /^[\w.-]{1,40}$/.test(code)) parts.push(code);
    else parts.push(type || 'Error');
    return {
      matched: true,
      fingerprint: parts,
      reason: `type "${type}"${code ? ` / code ${code}` : ''} is a ${system} error; the statement is a ${operation}`,
    };
  },
};
