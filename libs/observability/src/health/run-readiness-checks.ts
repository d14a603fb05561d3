import type { ReadinessCheck } from './readiness-check';

export const READINESS_CHECK_TIMEOUT_MS = 2000;

export interface CheckResult {
  status: 'up' | 'down';
  error?: string;
}

export interface ReadinessReport {
  status: 'ok' | 'error';
  checks: Record<string, CheckResult>;
}

function withTimeout(check: ReadinessCheck, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([Promise.resolve().then(() => check.check()), timeout]).finally(() => clearTimeout(timer));
}

/** Error text for a probe response: one line, bounded, since it is shown to whoever calls /health. */
function summarize(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').replace(/\/\/[^@/\s]*@/g, '//***@').slice(0, 200);
}

/** Runs every check in parallel, each bounded by the timeout, and reports each one. */
export async function runReadinessChecks(
  checks: readonly ReadinessCheck[],
  timeoutMs: number = READINESS_CHECK_TIMEOUT_MS,
): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async (check): Promise<[string, CheckResult]> => {
      try {
        await withTimeout(check, timeoutMs);
        return [check.name, { status: 'up' }];
      } catch (error) {
        return [check.name, { status: 'down', error: summarize(error) }];
      }
    }),
  );
  const report: Record<string, CheckResult> = Object.fromEntries(results);
  return { status: results.every(([, r]) => r.status === 'up') ? 'ok' : 'error', checks: report };
}
