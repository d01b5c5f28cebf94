import type { FastifyInstance } from 'fastify';

/** Meetings and their participants. */
export async function meetingRoutes(_app: FastifyInstance): Promise<void> {}
