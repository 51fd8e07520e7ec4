/**
 * The triggers (migrations 0005_report_rollups.sql and 0006) that mark changed site-days for the rollups. Listed
 * here so that a bulk load can switch them off and rebuild afterwards, and the bench can measure
 * saving without them.
 */
export const ROLLUP_TRIGGERS: readonly { table: string; trigger: string }[] = [
  { table: 'encounters', trigger: 'encounters_rollup_mark' },
  { table: 'encounter_professionals', trigger: 'encounter_professionals_rollup_mark' },
  { table: 'encounter_codes', trigger: 'encounter_codes_rollup_mark' },
  { table: 'referrals', trigger: 'referrals_rollup_mark' },
  { table: 'outreach_sessions', trigger: 'outreach_sessions_rollup_mark' },
  { table: 'session_professionals', trigger: 'session_professionals_rollup_mark' },
  { table: 'feedback_responses', trigger: 'feedback_responses_rollup_mark' },
  { table: 'feedback_answers', trigger: 'feedback_answers_rollup_mark' },
];
