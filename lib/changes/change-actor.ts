import 'server-only';

import type { Session } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';

import type { ChangeActor } from '@/lib/change-model/actor-and-reason';

/** The session user as the change record and the audit trail name them, with the IdP that signed them in. */
export function changeActorOf(session: Session): ChangeActor {
  const { sub, email, name, role } = session.user;
  // withSession has already refused a session without a role; this keeps the type honest.
  if (!role)
    throw new AppError({ status: 403, code: 'forbidden', message: 'Your account has no role in this console.' });
  return { iss: session.iss, sub, email, name, role };
}
