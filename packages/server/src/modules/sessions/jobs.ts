import type { FastifyInstance } from 'fastify';
import { closeDueWrittenProcedures } from './service.ts';

/**
 * The written-procedure step of the scheduled jobs: closes the procedures whose deadline passed.
 * Its failure is logged and must not hold up the other jobs of the run.
 */
export async function runWrittenProcedureJob(
  app: Pick<FastifyInstance, 'db' | 'dialect' | 'log'>,
  now: Date,
): Promise<void> {
  try {
    const result = await closeDueWrittenProcedures(app.db, app.dialect, now);
    if (result.adopted + result.notAdopted > 0) {
      app.log.info(result, 'written procedures closed at their deadline');
    }
  } catch (error) {
    app.log.error({ err: error }, 'closing written procedures failed');
  }
}
