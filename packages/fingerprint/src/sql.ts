/** The statements' first keywords that name an operation, for grouping database errors by query type. */
const OPERATIONS = new Set([
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'UPSERT',
  'MERGE',
  'REPLACE',
  'CREATE',
  'ALTER',
  'DROP',
  'TRUNCATE',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'SAVEPOINT',
  'CALL',
  'COPY',
  'GRANT',
  'REVOKE',
  'LOCK',
  'VACUUM',
  'ANALYZE',
  'EXPLAIN',
  'SET',
  'SHOW',
  'PRAGMA',
]);

/** MongoDB commands, as they appear in errors and spans. */
const MONGO_OPERATIONS = new Set([
  'find',
  'findOne',
  'insert',
  'insertOne',
  'insertMany',
  'update',
  'updateOne',
  'updateMany',
  'delete',
  'deleteOne',
  'deleteMany',
  'aggregate',
  'count',
  'countDocuments',
  'distinct',
  'findAndModify',
  'findOneAndUpdate',
  'findOneAndDelete',
  'findOneAndReplace',
  'bulkWrite',
  'createIndexes',
  'drop',
]);

/** The words of `statement` outside parentheses, in order (at most the first 4 KB is read). */
function topLevelWords(statement: string): string[] {
  const words: string[] = [];
  let depth = 0;
  let word = '';
  const text = statement.slice(0, 4096);
  for (let index = 0; index <= text.length; index++) {
    const char = text[index] ?? ' ';
    const code = char.charCodeAt(0) | 32;
    if (code >= 97 && code <= 122) {
      word += char;
      continue;
    }
    if (word !== '' && depth === 0) words.push(word.toUpperCase());
    word = '';
    if (char === '(') depth++;
    else if (char === ')' && depth > 0) depth--;
  }
  return words;
}

/**
 * The operation of a SQL statement: its first keyword (`UPDATE`); for `WITH … AS (…) UPDATE …`,
 * the statement the CTEs feed. Undefined when the text does not start like SQL.
 */
export function sqlOperation(statement: string): string | undefined {
  const words = topLevelWords(statement);
  const first = words[0];
  if (first === undefined) return undefined;
  if (first !== 'WITH') return OPERATIONS.has(first) ? first : undefined;
  return words.find((word) => word !== 'WITH' && OPERATIONS.has(word)) ?? 'WITH';
}

/** The MongoDB command named in `text` (`insertOne`, `find`), if any. */
export function mongoOperation(text: string): string | undefined {
  for (const word of text.slice(0, 2048).match(/[A-Za-z]{3,20}/g) ?? [])
    if (MONGO_OPERATIONS.has(word)) return word;
  return undefined;
}
