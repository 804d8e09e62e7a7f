import type { ChangeActor } from '@/lib/queries/types';

export interface ActorNameProps {
  actor: Pick<ChangeActor, 'name' | 'email'> | null;
}

/** A person as the change record names them: their name, their email on hover and for screen readers' context. */
export function ActorName({ actor }: ActorNameProps) {
  if (!actor) return <span>the console</span>;
  return <span title={actor.email}>{actor.name || actor.email}</span>;
}
