/** A problem the operator can fix; printed as one clear sentence, never as a stack trace. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
