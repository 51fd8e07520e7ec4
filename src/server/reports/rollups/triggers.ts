/**
 * The triggers (migrations 0019_rollup_delta_queue.sql and 0020_rollup_profession_metrics.sql) that queue each write's change of the rollups.
 * Listed here so that a bulk load can switch them off and rebuild afterwards, and the bench can measure
 * saving without them. The deferred trigger on report_rollup_pending only fires for rows they write.
 */
export const ROLLUP_TRIGGERS: readonly { table: string; trigger: string }[] = [
  { table: 'encounters', trigger: 'encounters_rollup_touch' },
  { table: 'encounters', trigger: 'encounters_rollup_touch_update' },
  { table: 'encounter_professionals', trigger: 'encounter_professionals_rollup_touch' },
  { table: 'encounter_professionals', trigger: 'encounter_professionals_rollup_touch_update' },
  { table: 'encounter_codes', trigger: 'encounter_codes_rollup_touch' },
  { table: 'referrals', trigger: 'referrals_rollup_touch' },
  { table: 'referrals', trigger: 'referrals_rollup_touch_update' },
  { table: 'outreach_sessions', trigger: 'outreach_sessions_rollup_touch' },
  { table: 'outreach_sessions', trigger: 'outreach_sessions_rollup_touch_update' },
  { table: 'session_professionals', trigger: 'session_professionals_rollup_touch' },
  { table: 'feedback_responses', trigger: 'feedback_responses_rollup_touch' },
  { table: 'feedback_answers', trigger: 'feedback_answers_rollup_touch' },
  // Migration 0020: a change of a user's profession moves their hours and some referrals.
  { table: 'users', trigger: 'users_rollup_touch' },
];
