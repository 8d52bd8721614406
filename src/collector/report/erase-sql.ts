import type { Sql } from '../storage/database.js';

/**
 * Erasing a visitor also removes what the report keeps of them by name: their answers and
 * texts, stage entries, days and traits. The daily counters hold no visitor and stay.
 */
export async function eraseVisitorFromReport(sql: Sql, anonymousId: string): Promise<void> {
  for (const table of ['waymark_submissions', 'waymark_stage_entries', 'waymark_visitor_days', 'waymark_visitor_state'])
    await sql.query(`DELETE FROM ${table} WHERE anonymous_id = $1`, [anonymousId]);
  await sql.query('DELETE FROM waymark_points_days WHERE visitor = $1', [`a:${anonymousId}`]);
}
