import type { FastifyInstance } from 'fastify';

/** The agenda of a meeting. */
export async function agendaRoutes(_app: FastifyInstance): Promise<void> {}
