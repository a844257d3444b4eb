import { type Expression, type SqlBool, sql } from 'kysely';

/**
 * Matches products whose name contains `search`, ignoring case. The same
 * SQL runs on SQLite and PostgreSQL: `lower()` on both sides (SQLite folds
 * only ASCII letters, PostgreSQL every letter) and LIKE with `!` as the
 * escape character, so a search for "50%" or "a_b" means those characters.
 */
export function nameContains(search: string): Expression<SqlBool> {
  const escaped = search.replace(/[!%_]/g, (char) => `!${char}`);
  const pattern = `%${escaped}%`;

  return sql<SqlBool>`lower(${sql.ref('product.name')}) like lower(cast(${pattern} as text)) escape '!'`;
}
