import type { ProducerQueue } from '@faultline/bullmq';
import type { Router } from 'express';
import { asyncRoute } from './async-route.js';

/** The job the `emails` queue runs to send a password-reset mail. */
export interface PasswordResetJob {
  to: string;
  resetToken: string;
}

/** `POST /api/password-reset`: queues the reset mail and answers at once. */
export function addPasswordResetRoutes(router: Router, emails: ProducerQueue): void {
  router.post(
    '/password-reset',
    asyncRoute(async (request, response) => {
      const { email } = request.body as { email: string };
      const data: PasswordResetJob = { to: email, resetToken: crypto.randomUUID() };
      const job = await emails.add('password-reset', data, { attempts: 1 });
      response.status(202).json({ jobId: job.id });
    }),
  );
}
