import { EventContractError } from '@careloop/contracts';

/**
 * An error whose message is safe to record (in a dead-letter header, a log line): it carries codes and field paths,
 * never personal or clinical values. Domain errors extend it.
 */
export class SafeError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A handler's verdict that retrying cannot help (the event is unprocessable): it goes to the DLQ at once. */
export class UnprocessableEventError extends SafeError {
  constructor(message: string, code = 'unprocessable') {
    super(message, code);
  }
}

/**
 * What may be said about a failure outside the process. Unknown errors are described by their class and code only:
 * database and driver messages can quote the values that caused them.
 */
export function describeFailure(err: unknown): string {
  if (err instanceof SafeError || err instanceof EventContractError) return `${err.name}: ${err.message}`.slice(0, 1000);
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return code !== undefined ? `${err.name} (code ${String(code)})` : err.name;
  }
  return 'non-error thrown';
}

export function isPermanentFailure(err: unknown): boolean {
  return err instanceof EventContractError || err instanceof UnprocessableEventError;
}
